package io.zhongtai.service.api;

import io.micronaut.http.annotation.Controller;
import io.zhongtai.core.asset.AssetType;
import io.zhongtai.core.asset.CatalogStore;

/** {@code /api/v1/domains}. */
@Controller("/api/v1/domains")
public class DomainController extends ClassificationController {
    public DomainController(CatalogStore store) {
        super(store, AssetType.DOMAIN);
    }
}
