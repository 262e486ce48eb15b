package io.zhongtai.service;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.info.License;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;

/** The OpenAPI description of the service as a whole. */
@OpenAPIDefinition(
        info = @Info(
                title = "zhongtai",
                version = "0.1",
                description = "Zhongtai: metadata catalog and governed-metrics hub. Problems are RFC 9457 documents.",
                license = @License(name = "GPL-3.0 (embeds Neo4j Community)")),
        security = @SecurityRequirement(name = "bearer"))
@SecurityScheme(name = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT or API token")
final class Application {
    private Application() {}
}
