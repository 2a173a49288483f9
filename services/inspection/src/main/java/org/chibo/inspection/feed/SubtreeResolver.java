package org.chibo.inspection.feed;

import java.util.List;

import org.chibo.chassis.web.BadRequestException;
import org.chibo.chassis.web.NotFoundException;
import org.chibo.inspection.organisation.Organisations;
import org.springframework.core.MethodParameter;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The seam for the inspector's scope: a controller asks for a {@link Subtree} and gets one. Until identity arrives
 * (issue 7) the query parameter {@code organisationId} names it; then the token's organisation will, here and nowhere
 * else. Registers itself with Spring MVC.
 */
@Component
class SubtreeResolver implements HandlerMethodArgumentResolver, WebMvcConfigurer {

    static final String PARAMETER = "organisationId";

    private final Organisations organisations;

    SubtreeResolver(Organisations organisations) {
        this.organisations = organisations;
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(this);
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == Subtree.class;
    }

    @Override
    public Subtree resolveArgument(MethodParameter parameter, ModelAndViewContainer mavContainer,
                                   NativeWebRequest webRequest, WebDataBinderFactory binderFactory) {
        String id = webRequest.getParameter(PARAMETER);
        if (id == null || id.isBlank()) {
            throw new BadRequestException("say whose subtree to watch: " + PARAMETER, PARAMETER);
        }
        String organisationId = id.strip();
        return organisations.pathOf(organisationId)
                .map(path -> new Subtree(organisationId, path))
                .orElseThrow(() -> new NotFoundException("organisation", organisationId));
    }
}
