package io.cloudward.api;

import io.cloudward.collect.ScanSchedules;
import io.cloudward.collect.Source;
import io.cloudward.tenancy.Audited;
import io.cloudward.tenancy.Permission;
import io.cloudward.tenancy.Requires;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * How often accounts are collected. Changing a schedule needs ALERT_RULES_MANAGE, the permission that
 * covers "alert rules and schedules" (ADMIN and OWNER); reading needs only TENANT_READ.
 */
@Path("/api/v1/tenants/{tenantId}/scan-schedules")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ScanSchedulesResource {

    /** Intervals in minutes; on an account, null follows the tenant's default. */
    public record Intervals(Integer threatsMinutes, Integer postureMinutes) {
        Map<Source.Family, Integer> byFamily(boolean nullsMeanDefault) {
            Map<Source.Family, Integer> map = new EnumMap<>(Source.Family.class);
            if (threatsMinutes != null || nullsMeanDefault) {
                map.put(Source.Family.THREATS, threatsMinutes);
            }
            if (postureMinutes != null || nullsMeanDefault) {
                map.put(Source.Family.POSTURE, postureMinutes);
            }
            return map;
        }
    }

    public record ScheduleView(Intervals defaults, List<ScanSchedules.AccountSchedule> accounts) {
    }

    private final ScanSchedules schedules;

    public ScanSchedulesResource(ScanSchedules schedules) {
        this.schedules = schedules;
    }

    @GET
    @Requires(Permission.TENANT_READ)
    public ScheduleView get(@PathParam("tenantId") UUID tenantId) {
        Map<Source.Family, Integer> defaults = schedules.defaults();
        return new ScheduleView(new Intervals(defaults.get(Source.Family.THREATS), defaults.get(Source.Family.POSTURE)),
                schedules.accounts());
    }

    /** The tenant's defaults; a family left out keeps its current default. */
    @PUT
    @Requires(Permission.ALERT_RULES_MANAGE)
    @Transactional
    @Audited("scan-schedule.defaults-changed")
    public ScheduleView setDefaults(@PathParam("tenantId") UUID tenantId, @NotNull Intervals intervals) {
        schedules.setDefaults(intervals.byFamily(false));
        return get(tenantId);
    }

    /** One account's own intervals; null (or left out) follows the tenant's default. */
    @PUT
    @Path("accounts/{accountId}")
    @Requires(Permission.ALERT_RULES_MANAGE)
    @Transactional
    @Audited("scan-schedule.account-changed")
    public ScheduleView setAccount(@PathParam("tenantId") UUID tenantId, @PathParam("accountId") UUID accountId,
                                   @NotNull Intervals intervals) {
        schedules.setAccount(accountId, intervals.byFamily(true));
        return get(tenantId);
    }
}
