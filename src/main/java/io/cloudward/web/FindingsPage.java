package io.cloudward.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudward.accounts.AwsAccount;
import io.cloudward.accounts.AwsAccounts;
import io.cloudward.api.FindingFilters;
import io.cloudward.api.FindingsResource;
import io.cloudward.api.Page;
import io.cloudward.api.ProblemException;
import io.cloudward.checks.Category;
import io.cloudward.checks.Severity;
import io.cloudward.collect.Source;
import io.cloudward.findings.FindingActions;
import io.cloudward.findings.FindingQuery;
import io.cloudward.findings.FindingStatus;
import io.cloudward.findings.FindingView;
import io.cloudward.findings.IncidentView;
import io.cloudward.tenancy.Audited;
import io.cloudward.tenancy.Permission;
import io.cloudward.tenancy.Requires;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * The findings explorer: filters in the URL (a GET form, so a filtered view is a link to share), sorting, cursor
 * pagination and bulk triage; and each finding's page with evidence, remediation, history and its incident.
 */
@Path("/t/{tenantId}/findings")
@Produces(MediaType.TEXT_HTML)
public class FindingsPage {
    static final int PAGE_SIZE = 50;
    /** One-shot confirmation after a bulk action (post, redirect, get). */
    static final String FLASH_COOKIE = "cw_flash";

    /** What the filter form shows: the current choices and the options. */
    public record Filters(FindingQuery.Filter filter, String sort, List<AwsAccount> accounts, Set<String> regions,
                          List<String> severities, List<String> categories, List<String> statuses, List<String> sources) {
        public boolean has(String field, String value) {
            return switch (field) {
                case "severity" -> filter.severities().stream().anyMatch(s -> s.name().equals(value));
                case "category" -> filter.categories().stream().anyMatch(c -> c.slug().equals(value));
                case "status" -> filter.statuses().stream().anyMatch(s -> s.name().equals(value));
                case "account" -> filter.accountIds().contains(value);
                case "region" -> filter.regions().contains(value);
                case "source" -> filter.sources().contains(value);
                default -> false;
            };
        }

        public String text() {
            return filter.text() == null ? "" : filter.text();
        }
    }

    /**
     * @param here the current list URL (relative, with filters), where a bulk action returns
     * @param next the next page's URL; null on the last page
     */
    public record Explorer(Filters filters, List<FindingView> findings, String here, String next, String first, String flash) {
    }

    public record Detail(FindingView finding, String evidence, FindingsResource.Remediation remediation,
                         List<FindingQuery.HistoryEntry> history, IncidentView incident, String here, String flash) {
        public String detailOf(FindingQuery.HistoryEntry entry) {
            return entry.detail() == null || entry.detail().isNull() || entry.detail().isEmpty() ? "" : entry.detail().toString();
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance findings(Explorer explorer);

        static native TemplateInstance finding(Detail detail);
    }

    private final FindingQuery query;
    private final FindingActions actions;
    private final AwsAccounts accounts;
    private final PageContext page;
    private final ObjectMapper json;

    public FindingsPage(FindingQuery query, FindingActions actions, AwsAccounts accounts, PageContext page, ObjectMapper json) {
        this.query = query;
        this.actions = actions;
        this.accounts = accounts;
        this.page = page;
        this.json = json;
    }

    @GET
    @Requires(Permission.TENANT_READ)
    public Response list(@PathParam("tenantId") UUID tenantId, @Context UriInfo uri, @QueryParam("cursor") String cursor,
                         @CookieParam(FLASH_COOKIE) String flash) {
        page.section("findings");
        FindingQuery.Filter filter = FindingFilters.filter(uri);
        FindingQuery.Sort sort = FindingFilters.sort(uri);
        Page<FindingView> found = query.page(filter, sort, cursor, PAGE_SIZE);
        List<AwsAccount> all = accounts.all();
        Set<String> regions = new TreeSet<>();
        all.forEach(a -> regions.addAll(a.regions));
        String here = relative(uri.getRequestUri());
        String next = found.nextCursor() == null ? null
                : relative(uri.getRequestUriBuilder().replaceQueryParam("cursor", found.nextCursor()).build());
        String first = cursor == null || cursor.isBlank() ? null : relative(uri.getRequestUriBuilder().replaceQueryParam("cursor").build());
        Filters filters = new Filters(filter, sortName(sort), all, regions,
                Arrays.stream(Severity.values()).map(Enum::name).toList().reversed(),
                Arrays.stream(Category.values()).map(Category::slug).toList(),
                Arrays.stream(FindingStatus.values()).map(Enum::name).toList(),
                Arrays.stream(Source.values()).map(Enum::name).toList());
        return withoutFlash(Response.ok(Templates.findings(new Explorer(filters, found.items(), here, next, first,
                decode(flash)))), tenantId, flash).build();
    }

    @GET
    @Path("{findingId}")
    @Requires(Permission.TENANT_READ)
    public Response finding(@PathParam("tenantId") UUID tenantId, @PathParam("findingId") UUID findingId,
                            @Context UriInfo uri, @CookieParam(FLASH_COOKIE) String flash) {
        page.section("findings");
        FindingQuery.FindingDetail detail = query.detail(findingId).orElseThrow(() -> ProblemException.notFound("The finding"));
        FindingView f = detail.finding();
        IncidentView incident = f.incidentId() == null ? null : query.incident(f.incidentId()).orElse(null);
        Response.ResponseBuilder response = Response.ok(Templates.finding(new Detail(f, pretty(detail.evidence()),
                FindingsResource.remediation(f), detail.history(), incident, relative(uri.getRequestUri()), decode(flash))));
        return withoutFlash(response, tenantId, flash).build();
    }

    /**
     * One action on the selected findings; back to the list (or finding) it came from with a confirmation.
     *
     * @param text  the reason (suppress), note (resolve) or comment
     * @param until the last day of a suppression (yyyy-mm-dd, inclusive); empty means until lifted
     */
    @POST
    @Path("actions")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Requires(Permission.FINDINGS_TRIAGE)
    @Transactional
    @Audited("findings.bulk-action")
    public Response act(@PathParam("tenantId") UUID tenantId, @FormParam("action") String action,
                        @FormParam("id") List<UUID> ids, @FormParam("text") String text, @FormParam("until") String until,
                        @FormParam("assignee") String assignee, @FormParam("back") String back) {
        if (ids == null || ids.isEmpty()) {
            throw ProblemException.invalid("id", "Select at least one finding.");
        }
        FindingActions.BulkResult result = switch (action == null ? "" : action) {
            case "suppress" -> actions.suppress(ids, text, endOfDay(until));
            case "resolve" -> actions.resolve(ids, text);
            case "assign" -> actions.assign(ids, assignee);
            case "comment" -> actions.comment(ids, text);
            default -> throw ProblemException.invalid("action", "Choose suppress, resolve, assign or comment.");
        };
        String done = switch (action) {
            case "suppress" -> "suppressed";
            case "resolve" -> "resolved";
            case "assign" -> "assigned";
            default -> "commented on";
        };
        int unchanged = ids.size() - result.changed() - result.notFound().size();
        String message = result.changed() + (result.changed() == 1 ? " finding " : " findings ") + done
                + (unchanged > 0 ? ", " + unchanged + " already so" : "")
                + (result.notFound().isEmpty() ? "" : ", " + result.notFound().size() + " not found") + ".";
        return Response.seeOther(URI.create(returnTo(tenantId, back)))
                .cookie(flashCookie(tenantId, message, 60)).build();
    }

    /** Only back into this tenant's findings pages: a form field must not redirect anywhere else. */
    static String returnTo(UUID tenantId, String back) {
        String list = "/t/" + tenantId + "/findings";
        if (back != null && (back.equals(list) || back.startsWith(list + "?") || back.startsWith(list + "/"))
                && !back.contains("//") && !back.contains("\\")) {
            return back;
        }
        return list;
    }

    private static NewCookie flashCookie(UUID tenantId, String message, int maxAge) {
        return new NewCookie.Builder(FLASH_COOKIE).value(URLEncoder.encode(message, StandardCharsets.UTF_8).replace("+", "%20"))
                .path("/t/" + tenantId + "/findings").maxAge(maxAge).httpOnly(true).sameSite(NewCookie.SameSite.LAX).build();
    }

    private static String decode(String flash) {
        return flash == null || flash.isBlank() ? null : URLDecoder.decode(flash, StandardCharsets.UTF_8);
    }

    /** A confirmation is shown once: the page that shows it also expires it. */
    private static Response.ResponseBuilder withoutFlash(Response.ResponseBuilder response, UUID tenantId, String flash) {
        return flash == null ? response : response.cookie(flashCookie(tenantId, "", 0));
    }

    private static Instant endOfDay(String day) {
        if (day == null || day.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(day.strip()).plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid("until", "Give the last day of the suppression as a date (yyyy-mm-dd).");
        }
    }

    private String pretty(JsonNode evidence) {
        try {
            return evidence == null || evidence.isNull() ? "" : json.writerWithDefaultPrettyPrinter().writeValueAsString(evidence);
        } catch (JsonProcessingException e) {
            return evidence.toString();
        }
    }

    private static String sortName(FindingQuery.Sort sort) {
        return switch (sort) {
            case LAST_SEEN -> "lastSeen";
            case FIRST_SEEN -> "firstSeen";
            case SEVERITY -> "severity";
        };
    }

    private static String relative(URI uri) {
        return uri.getRawPath() + Optional.ofNullable(uri.getRawQuery()).map(q -> "?" + q).orElse("");
    }
}
