package org.chibo.meeting.api;

import org.chibo.chassis.security.Caller;
import org.chibo.chassis.web.ActingUser;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

/**
 * The API's description at {@code /v3/api-docs} (public: it holds no data; the gateway gathers it), and the refusal
 * of a body sent to an endpoint that takes none ({@link UndeclaredInput}).
 */
@Configuration(proxyBeanMethods = false)
class ApiConfiguration implements WebMvcConfigurer {

    static {
        // who calls comes from the verified token, never from the request: not a parameter to describe
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(Caller.class, ActingUser.class);
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new UndeclaredInput());
    }

    @Bean
    OpenAPI meetingApi() {
        return new OpenAPI()
                .info(new Info().title("ChiBo — sinh hoạt chi bộ (meeting service)").version("v1")
                        .description("Sinh hoạt chi bộ từ lịch đến biên bản: chuẩn bị, khai mạc, điểm danh, bế mạc với biên bản, "
                                + "nghị quyết và biểu quyết, sửa đổi biên bản; đề xuất, kiến nghị lên cấp ủy cấp trên. "
                                + "Every call needs a bearer token; each role acts only inside its organisation's subtree."))
                .components(new Components().addSecuritySchemes("bearer",
                        new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")))
                .addSecurityItem(new SecurityRequirement().addList("bearer"));
    }
}
