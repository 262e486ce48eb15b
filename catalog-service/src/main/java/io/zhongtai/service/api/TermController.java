package io.zhongtai.service.api;

import io.micronaut.http.annotation.Controller;
import io.zhongtai.core.asset.AssetType;
import io.zhongtai.core.asset.CatalogStore;

/** {@code /api/v1/terms}. */
@Controller("/api/v1/terms")
public class TermController extends ClassificationController {
    public TermController(CatalogStore store) {
        super(store, AssetType.TERM);
    }
}
