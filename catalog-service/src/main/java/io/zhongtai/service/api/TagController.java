package io.zhongtai.service.api;

import io.micronaut.http.annotation.Controller;
import io.zhongtai.core.asset.AssetType;
import io.zhongtai.core.asset.CatalogStore;

/** {@code /api/v1/tags}. */
@Controller("/api/v1/tags")
public class TagController extends ClassificationController {
    public TagController(CatalogStore store) {
        super(store, AssetType.TAG);
    }
}
