package org.chibo.chassis.web;

import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/** The seam for identity: a controller asks for an {@link ActingUser} and gets one, or the caller gets a 400. */
public class ActingUserResolver implements HandlerMethodArgumentResolver {

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == ActingUser.class;
    }

    @Override
    public ActingUser resolveArgument(MethodParameter parameter, ModelAndViewContainer mavContainer,
                                      NativeWebRequest webRequest, WebDataBinderFactory binderFactory) {
        String id = webRequest.getHeader(ActingUser.HEADER);
        if (id == null || id.isBlank()) {
            throw new BadRequestException("a change needs to know who makes it: send the " + ActingUser.HEADER + " header",
                    ActingUser.HEADER);
        }
        if (id.strip().length() > ActingUser.MAX_LENGTH) {
            throw new BadRequestException(ActingUser.HEADER + " is longer than " + ActingUser.MAX_LENGTH + " characters",
                    ActingUser.HEADER);
        }
        return new ActingUser(id.strip());
    }
}
