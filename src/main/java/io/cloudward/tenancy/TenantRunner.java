package io.cloudward.tenancy;

import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.UUID;
import java.util.function.Supplier;

/**
 * Runs work for one tenant outside a web request (scheduled scans, consumers, sign-up): establishes the
 * tenant for both walls and runs the work in its own transaction, so its connection is scoped to that
 * tenant and no other.
 */
@ApplicationScoped
public class TenantRunner {

    public <T> T call(Access access, Supplier<T> work) {
        ManagedContext requestContext = Arc.container().requestContext();
        boolean activated = !requestContext.isActive();
        if (activated) {
            requestContext.activate();
        }
        TenantContext context = Arc.container().instance(TenantContext.class).get();
        Access previous = context.access().orElse(null);
        try {
            context.enter(access);
            return QuarkusTransaction.requiringNew().call(work::get);
        } finally {
            if (previous == null) {
                context.leave();
            } else {
                context.enter(previous);
            }
            if (activated) {
                requestContext.terminate();
            }
        }
    }

    public void run(Access access, Runnable work) {
        call(access, () -> {
            work.run();
            return null;
        });
    }

    /** Work Cloudward itself does for a tenant (a scheduled scan, an alert delivery). */
    public static Access system(UUID tenantId, String job) {
        return new Access(tenantId, Access.PrincipalType.SYSTEM, "cloudward:" + job, "Cloudward (" + job + ")", Role.OWNER, true);
    }
}
