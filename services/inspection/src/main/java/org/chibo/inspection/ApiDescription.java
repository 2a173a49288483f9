package org.chibo.inspection;

import org.chibo.chassis.security.Caller;
import org.chibo.chassis.web.ActingUser;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Configuration;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;

/**
 * The OpenAPI description at {@code /v3/api-docs} (public, like the health probes): every endpoint needs a bearer
 * token; who the token is ({@link Caller}) comes from it, never from a request parameter, so it is not described as one.
 */
@Configuration(proxyBeanMethods = false)
@OpenAPIDefinition(info = @Info(title = "ChiBo — kiểm tra, giám sát (inspection)",
        description = "Kiểm tra, giám sát việc sinh hoạt chi bộ: phát hiện, kế hoạch và kết luận kiểm tra, thống kê, luồng tin "
                + "kiểm tra. Mọi lời gọi cần token (Bearer JWT); vai trò và phạm vi đơn vị theo README của dịch vụ.",
        version = "v1"),
        security = @SecurityRequirement(name = "bearer"))
@SecurityScheme(name = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT")
class ApiDescription {

    static {
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(Caller.class, ActingUser.class);
    }
}
