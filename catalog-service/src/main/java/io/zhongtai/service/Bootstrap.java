package io.zhongtai.service;

import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import io.zhongtai.core.Actor;
import io.zhongtai.core.warehouse.WarehouseStore;
import io.zhongtai.service.config.DemoConfig;
import io.zhongtai.service.config.ZhongtaiConfig;
import io.zhongtai.service.demo.DemoService;
import io.zhongtai.service.security.UserAdministration;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Start-up work after the server listens: the first admin, and on a start with no warehouse
 * registered the demo warehouse. {@link Readiness} turns UP when it is done.
 */
@Singleton
public class Bootstrap {
    private static final Logger LOG = LoggerFactory.getLogger(Bootstrap.class);

    private final ZhongtaiConfig config;
    private final DemoConfig demo;
    private final UserAdministration users;
    private final WarehouseStore warehouses;
    private final DemoService demoService;
    private final Readiness readiness;

    public Bootstrap(
            ZhongtaiConfig config,
            DemoConfig demo,
            UserAdministration users,
            WarehouseStore warehouses,
            DemoService demoService,
            Readiness readiness) {
        this.config = config;
        this.demo = demo;
        this.users = users;
        this.warehouses = warehouses;
        this.demoService = demoService;
        this.readiness = readiness;
    }

    @EventListener
    void onStartup(ServerStartupEvent event) {
        Thread thread = new Thread(this::run, "bootstrap");
        thread.setDaemon(true);
        thread.start();
    }

    void run() {
        try {
            users.ensureFirstAdmin(config.adminPassword()).ifPresent(password -> System.out.println(
                    "\n  Zhongtai created the first admin.\n    username: admin\n    password: " + password
                            + "\n  It is shown this once; set ZHONGTAI_ADMIN_PASSWORD to choose it yourself.\n"));
            if (demo.enabled() && warehouses.list().isEmpty()) {
                LOG.info("No warehouse is registered: creating the demo warehouse (seed {}, scale {})", demo.seed(), demo.scale());
                demoService.create(demo.seed(), demo.scale(), Actor.SYSTEM);
            }
            readiness.ready();
            LOG.info("Zhongtai is ready");
        } catch (RuntimeException e) {
            LOG.error("Start-up work failed; /health stays DOWN", e);
            readiness.failed(e.getMessage());
        }
    }
}
