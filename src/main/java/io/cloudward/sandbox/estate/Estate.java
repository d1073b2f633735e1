package io.cloudward.sandbox.estate;

import io.cloudward.onboarding.RoleTemplate;
import io.cloudward.sandbox.estate.gen.EstateGenerator;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The simulated AWS estate: customer accounts loaded from estate files, plus an optional generated
 * population, each with its regions, roles and history.
 *
 * <p>Regions are built on first use and kept in a bounded cache; a region evicted from it is rebuilt
 * identically from the seed, so a thousand accounts × seventeen regions fit in a small heap. Changes made
 * at run time (role trust, ExternalId, permissions, credential reports) live outside that cache.
 */
public final class Estate {

    private static final int REGION_CACHE = 4096;
    private static final int ACCOUNT_CACHE = 2048;

    private final SandboxClock clock;
    private final long seed;
    private final Map<String, LoadedAccount> loaded = new ConcurrentSkipListMap<>();
    private final List<Organization> organizations = new CopyOnWriteArrayList<>();
    private final Map<String, Map<String, Role>> roleChanges = new ConcurrentHashMap<>();
    private final Map<String, Instant> credentialReports = new ConcurrentHashMap<>();
    private final Map<String, RegionTimeline> regions = lru(REGION_CACHE);
    private final Map<Integer, Account> generatedAccounts = lru(ACCOUNT_CACHE);
    private volatile EstateGenerator generator;

    private record LoadedAccount(Account account, Instant anchor) {
    }

    public Estate(SandboxClock clock, long seed) {
        this.clock = clock;
        this.seed = seed;
    }

    public SandboxClock clock() {
        return clock;
    }

    /** Adds (or replaces) the accounts and organizations of an estate file; answers the account ids. */
    public List<String> load(EstateDocument document) {
        Instant anchor = clock.now();
        EstateNormalizer normalizer = new EstateNormalizer(anchor);
        List<Account> accounts = document.accounts().stream().map(normalizer::normalize).toList();
        List<String> ids = new ArrayList<>();
        for (Account account : accounts) {
            if (generator != null && generator.indexOf(account.id()).isPresent()) {
                throw new IllegalArgumentException("account " + account.id() + " is one of the generated accounts");
            }
            loaded.put(account.id(), new LoadedAccount(account, anchor));
            roleChanges.remove(account.id());
            credentialReports.remove(account.id());
            forgetRegions(account.id());
            ids.add(account.id());
        }
        for (Organization organization : document.organizations()) {
            organizations.removeIf(existing -> existing.id().equals(organization.id()));
            organizations.add(organization);
        }
        return ids;
    }

    /** Replaces the generated population. */
    public void generate(GeneratedEstate spec) {
        EstateGenerator next = new EstateGenerator(spec, clock.now());
        for (String id : loaded.keySet()) {
            if (next.indexOf(id).isPresent()) {
                throw new IllegalArgumentException("loaded account " + id + " collides with the generated ids");
            }
        }
        generator = next;
        synchronized (generatedAccounts) {
            generatedAccounts.clear();
        }
        synchronized (regions) {
            regions.clear();
        }
    }

    /** Forgets every account, organization and run-time change. */
    public void clear() {
        loaded.clear();
        organizations.clear();
        roleChanges.clear();
        credentialReports.clear();
        generator = null;
        synchronized (generatedAccounts) {
            generatedAccounts.clear();
        }
        synchronized (regions) {
            regions.clear();
        }
    }

    public int accountCount() {
        EstateGenerator gen = generator;
        return loaded.size() + (gen == null ? 0 : gen.spec().accounts());
    }

    /** Account ids: loaded accounts first, then the generated ones, from {@code offset}, at most {@code limit}. */
    public List<String> accountIds(int offset, int limit) {
        List<String> ids = new ArrayList<>();
        List<String> loadedIds = new ArrayList<>(loaded.keySet());
        EstateGenerator gen = generator;
        int total = accountCount();
        for (int i = Math.max(0, offset); i < total && ids.size() < limit; i++) {
            ids.add(i < loadedIds.size() ? loadedIds.get(i) : gen.accountId(i - loadedIds.size()));
        }
        return ids;
    }

    public boolean exists(String accountId) {
        return loaded.containsKey(accountId) || generatedIndex(accountId).isPresent();
    }

    public Optional<Account> account(String accountId) {
        Account account = baseAccount(accountId);
        if (account == null) {
            return Optional.empty();
        }
        Map<String, Role> roles = new LinkedHashMap<>();
        account.roles().forEach(role -> roles.put(role.name(), role));
        roles.putAll(roleChanges.getOrDefault(accountId, Map.of()));
        return Optional.of(account.withRoles(roles.values().stream()
                .map(role -> withTemplatePermissions(accountId, role)).toList()));
    }

    /**
     * A role deployed from Cloudward's template gets the template's actions when read, not when loaded, so
     * an organisation loaded later still adds the management account's organisation listing.
     */
    private Role withTemplatePermissions(String accountId, Role role) {
        if (role.allowedActions() != null) {
            return role;
        }
        boolean management = organizations.stream().anyMatch(org -> org.managementAccountId().equals(accountId));
        RoleTemplate.Permissions permissions = CloudwardRoleTemplate.permissions(management);
        List<String> denied = new ArrayList<>(permissions.denied());
        denied.addAll(role.deniedActions());
        return role.withPermissions(permissions.allowed(), denied);
    }

    public Optional<Role> role(String accountId, String roleName) {
        return account(accountId).flatMap(account -> account.role(roleName));
    }

    /** Creates or replaces a role of an account (its trust, ExternalId or permissions). */
    public void putRole(String accountId, Role role) {
        if (!exists(accountId)) {
            throw new IllegalArgumentException("no account " + accountId);
        }
        roleChanges.computeIfAbsent(accountId, id -> new ConcurrentHashMap<>()).put(role.name(), role);
    }

    /**
     * Replaces what a role may call: IAM action patterns such as {@code guardduty:List*}, e.g. the actions
     * of the CloudFormation template customers deploy.
     */
    public void setAllowedActions(String accountId, String roleName, List<String> actions) {
        putRole(accountId, existingRole(accountId, roleName).withPermissions(actions, List.of()));
    }

    /**
     * Gives a role the permissions a CloudFormation role template grants, e.g. Cloudward's template with one
     * action removed ({@link CloudwardRoleTemplate#text()}), read as {@link RoleTemplate} reads it. The role
     * keeps its trust and ExternalId.
     *
     * @param parameters template parameter values; the others take their defaults
     * @throws IllegalArgumentException for a missing role, or a template or parameters RoleTemplate refuses
     */
    public void applyTemplate(String accountId, String roleName, String template, Map<String, String> parameters) {
        Role role = existingRole(accountId, roleName);
        RoleTemplate.Permissions permissions = RoleTemplate.parse(template).permissions(parameters);
        putRole(accountId, role.withPermissions(permissions.allowed(), permissions.denied()));
    }

    private Role existingRole(String accountId, String roleName) {
        return role(accountId, roleName).orElseThrow(() -> new IllegalArgumentException(
                "no role " + roleName + " in account " + accountId));
    }

    /** The generator of the generated population, if there is one. */
    public Optional<EstateGenerator> generator() {
        return Optional.ofNullable(generator);
    }

    public List<String> enabledRegions(String accountId) {
        return account(accountId).map(EstateNormalizer::enabledRegions).orElse(List.of());
    }

    public boolean regionEnabled(String accountId, String region) {
        return enabledRegions(accountId).contains(region);
    }

    /** An account with nothing in it, for callers outside the estate (the hub's own account). */
    public static Account emptyAccount(String accountId) {
        return new Account(accountId, null, null, null, null, null, null, null, null, null, null, null);
    }

    /**
     * The region as it stands now. An account outside the estate (the hub's own) has empty regions;
     * the caller checks that the region is enabled.
     */
    public RegionView region(String accountId, String region) {
        if (!exists(accountId)) {
            Account empty = emptyAccount(accountId);
            return new RegionView(empty, region, RegionSpec.EMPTY, List.of(), List.of(), List.of(), clock.now(),
                    new RoutineEvents(accountId, region, seed, clock.now(), 0, List.of()));
        }
        String key = accountId + "/" + region;
        RegionTimeline timeline;
        synchronized (regions) {
            timeline = regions.get(key);
        }
        if (timeline == null) {
            timeline = buildTimeline(accountId, region);
            synchronized (regions) {
                RegionTimeline raced = regions.putIfAbsent(key, timeline);
                timeline = raced != null ? raced : timeline;
            }
        }
        return timeline.viewAt(clock.now());
    }

    public List<Organization> organizations() {
        return List.copyOf(organizations);
    }

    public Optional<Organization> organizationOf(String accountId) {
        return organizations.stream().filter(org -> org.includes(accountId)).findFirst();
    }

    public Optional<Instant> credentialReport(String accountId) {
        return Optional.ofNullable(credentialReports.get(accountId));
    }

    public void recordCredentialReport(String accountId, Instant generatedAt) {
        credentialReports.put(accountId, generatedAt);
    }

    private Account baseAccount(String accountId) {
        LoadedAccount entry = loaded.get(accountId);
        if (entry != null) {
            return entry.account();
        }
        OptionalInt index = generatedIndex(accountId);
        if (index.isEmpty()) {
            return null;
        }
        synchronized (generatedAccounts) {
            Account cached = generatedAccounts.get(index.getAsInt());
            if (cached != null) {
                return cached;
            }
        }
        Account built = generator.account(index.getAsInt());
        synchronized (generatedAccounts) {
            generatedAccounts.put(index.getAsInt(), built);
        }
        return built;
    }

    private OptionalInt generatedIndex(String accountId) {
        EstateGenerator gen = generator;
        return gen == null ? OptionalInt.empty() : gen.indexOf(accountId);
    }

    private RegionTimeline buildTimeline(String accountId, String region) {
        LoadedAccount entry = loaded.get(accountId);
        if (entry != null) {
            RegionSpec spec = entry.account().regions().get(region);
            if (spec == null) {
                throw new IllegalArgumentException("region " + region + " is not enabled in " + accountId);
            }
            return new RegionTimeline(entry.account(), region, spec, seed, entry.anchor(), 0);
        }
        EstateGenerator gen = generator;
        OptionalInt index = generatedIndex(accountId);
        if (index.isEmpty() || !regionEnabled(accountId, region)) {
            throw new IllegalArgumentException("region " + region + " is not enabled in " + accountId);
        }
        Account account = baseAccount(accountId);
        RegionSpec spec = gen.spec().regions().contains(region)
                ? gen.region(index.getAsInt(), account, region) : RegionSpec.EMPTY;
        return new RegionTimeline(account, region, spec, gen.spec().seed(), gen.anchor(), 90L * 24);
    }

    private void forgetRegions(String accountId) {
        synchronized (regions) {
            regions.keySet().removeIf(key -> key.startsWith(accountId + "/"));
        }
    }

    private static <K, V> Map<K, V> lru(int capacity) {
        return Collections.synchronizedMap(new LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                return size() > capacity;
            }
        });
    }
}
