package org.chibo.evaluation.access;

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
 * The API description: every operation needs a bearer token from the
 * configured issuer; the caller comes from that token, so {@link Caller} and {@link ActingUser} are not parameters a
 * client sends.
 */
@Configuration(proxyBeanMethods = false)
@OpenAPIDefinition(info = @Info(title = "ChiBo — đánh giá, xếp loại chất lượng (evaluation)", version = "v1",
        description = "Phiếu đánh giá (scorecards), xếp loại tạm tính (provisional ratings), kết thúc năm đánh giá (year close), "
                + "xếp loại đề xuất, xác nhận hoặc thay đổi (confirm or override) và thống kê kết quả xếp loại. Quy định 124-QĐ/TW (2023). "
                + "Access: services/evaluation/README.md"),
        security = @SecurityRequirement(name = "bearer"))
@SecurityScheme(name = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT")
class AccessConfiguration {

    static {
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(Caller.class, ActingUser.class);
    }

}
