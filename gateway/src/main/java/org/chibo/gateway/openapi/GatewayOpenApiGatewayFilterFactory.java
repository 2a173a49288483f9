package org.chibo.gateway.openapi;

import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.factory.AbstractGatewayFilterFactory;
import org.springframework.cloud.gateway.filter.factory.rewrite.ModifyResponseBodyGatewayFilterFactory;
import org.springframework.http.HttpStatusCode;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The filter {@code GatewayOpenApi} on the routes that serve a service's OpenAPI description under the gateway: makes
 * the description usable from the gateway's Swagger UI. Its {@code servers} become the gateway itself (the service
 * would name its own address, which a browser should not call, nor can: it would bypass the gateway and meet no CORS
 * permission), and, when the service declares no security scheme, a bearer JWT scheme required on every operation is
 * added, so the UI's Authorize button takes a token. Anything but a successful OpenAPI document passes unchanged.
 */
@Component
public class GatewayOpenApiGatewayFilterFactory extends AbstractGatewayFilterFactory<Object> {

    static final String SCHEME = "bearer";

    private final ModifyResponseBodyGatewayFilterFactory modifyResponseBody;
    private final JsonMapper json;

    public GatewayOpenApiGatewayFilterFactory(ModifyResponseBodyGatewayFilterFactory modifyResponseBody, JsonMapper json) {
        super(Object.class);
        this.modifyResponseBody = modifyResponseBody;
        this.json = json;
    }

    @Override
    public GatewayFilter apply(Object config) {
        return modifyResponseBody.apply(new ModifyResponseBodyGatewayFilterFactory.Config()
                .setRewriteFunction(byte[].class, byte[].class,
                        (ServerWebExchange exchange, byte[] body) -> Mono.justOrEmpty(rewritten(exchange, body))));
    }

    private byte[] rewritten(ServerWebExchange exchange, byte[] body) {
        HttpStatusCode status = exchange.getResponse().getStatusCode();
        if (body == null || status == null || !status.is2xxSuccessful()) {
            return body;
        }
        try {
            JsonNode document = json.readTree(body);
            if (!(document instanceof ObjectNode openApi) || !openApi.has("openapi")) {
                return body;
            }
            return json.writeValueAsBytes(throughGateway(openApi));
        } catch (JacksonException notJson) {
            return body;
        }
    }

    static ObjectNode throughGateway(ObjectNode openApi) {
        // relative: the Swagger UI resolves it against the address it fetched the description from, i.e. the gateway
        openApi.putArray("servers").addObject().put("url", "/").put("description", "the ChiBo gateway");
        ObjectNode components = openApi.get("components") instanceof ObjectNode own ? own : openApi.putObject("components");
        ObjectNode schemes = components.get("securitySchemes") instanceof ObjectNode own ? own
                : components.putObject("securitySchemes");
        if (schemes.isEmpty()) {
            schemes.putObject(SCHEME).put("type", "http").put("scheme", "bearer").put("bearerFormat", "JWT")
                    .put("description", "an access token from the configured identity provider");
            openApi.putArray("security").addObject().putArray(SCHEME);
        }
        return openApi;
    }
}
