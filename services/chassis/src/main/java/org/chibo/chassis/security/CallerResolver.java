package org.chibo.chassis.security;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import org.chibo.chassis.web.ActingUser;
import org.springframework.core.MethodParameter;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/**
 * Gives a controller method the {@link Caller} (or just the {@link ActingUser}, the subject) of the verified token.
 * Every endpoint that takes one is behind authentication, so a missing token never reaches here.
 */
public class CallerResolver implements HandlerMethodArgumentResolver {

    private final SecuritySettings.Claims claims;

    public CallerResolver(SecuritySettings.Claims claims) {
        this.claims = claims;
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == Caller.class || parameter.getParameterType() == ActingUser.class;
    }

    @Override
    public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer mavContainer,
                                  NativeWebRequest webRequest, WebDataBinderFactory binderFactory) {
        Caller caller = current();
        return parameter.getParameterType() == ActingUser.class ? new ActingUser(caller.subject()) : caller;
    }

    /** The caller of the request on this thread. */
    public Caller current() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (!(auth instanceof JwtAuthenticationToken token)) {
            throw new IllegalStateException("no verified token on this request; is the endpoint public by mistake?");
        }
        return fromToken(token.getToken(), claims);
    }

    public static Caller fromToken(Jwt jwt, SecuritySettings.Claims claims) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        Object raw = claim(jwt.getClaims(), claims.roles());
        if (raw instanceof Collection<?> list) {
            list.forEach(r -> Role.named(String.valueOf(r)).ifPresent(roles::add));
        } else if (raw instanceof String s) {
            for (String r : s.split("\\s+")) {
                Role.named(r).ifPresent(roles::add);
            }
        }
        Object org = claim(jwt.getClaims(), claims.organisation());
        Object member = claim(jwt.getClaims(), claims.member());
        return new Caller(jwt.getSubject(), roles, org == null ? null : org.toString(), member == null ? null : member.toString());
    }

    private static Object claim(Map<String, Object> all, String dotted) {
        Object at = all;
        for (String part : dotted.split("\\.")) {
            if (!(at instanceof Map<?, ?> m)) {
                return null;
            }
            at = m.get(part);
        }
        return at;
    }
}
