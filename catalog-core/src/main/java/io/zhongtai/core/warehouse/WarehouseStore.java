package io.zhongtai.core.warehouse;

import io.zhongtai.core.Actor;
import java.util.List;
import java.util.Optional;

/**
 * Registered warehouses. Registering one also creates its {@code warehouse:<name>} asset;
 * deleting one soft-deletes every asset inside it (their history stays).
 */
public interface WarehouseStore {
    /** Registers a warehouse; a conflict if the name is taken. */
    Warehouse create(Warehouse warehouse, Actor actor);

    /** Replaces a registered warehouse's settings; not found if it is not registered. */
    Warehouse update(Warehouse warehouse, Actor actor);

    Optional<Warehouse> find(String name);

    List<Warehouse> list();

    /** Removes the registration; not found if it is not registered. */
    void delete(String name, Actor actor);
}
