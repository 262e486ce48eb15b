package io.zhongtai.core.governance;

import static java.util.Objects.requireNonNull;

import io.zhongtai.core.asset.AssetId;
import java.util.List;

/** An asset that counts against a KPI, with its owners (so stewards know who acts) and why. */
public record KpiGap(AssetId id, String name, List<String> owners, String reason) {
    public KpiGap {
        requireNonNull(id, "id is null");
        owners = List.copyOf(owners);
    }
}
