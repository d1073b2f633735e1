package io.cloudward.sandbox.services;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cloudward.sandbox.estate.BackupJob;
import io.cloudward.sandbox.estate.BackupPlan;
import io.cloudward.sandbox.estate.BackupRule;
import io.cloudward.sandbox.estate.BackupSelection;
import io.cloudward.sandbox.estate.BackupVault;
import io.cloudward.sandbox.estate.RecoveryPoint;
import io.cloudward.sandbox.estate.RegionView;
import io.cloudward.sandbox.estate.ResourceArns;
import io.cloudward.sandbox.protocol.AwsError;
import io.cloudward.sandbox.protocol.AwsRequest;
import io.cloudward.sandbox.protocol.Json;
import io.cloudward.sandbox.protocol.PageToken;
import io.cloudward.sandbox.protocol.Protocol;
import io.cloudward.sandbox.protocol.QueryParams;
import io.cloudward.sandbox.protocol.Response;
import io.cloudward.sandbox.protocol.StandardErrors;
import io.cloudward.sandbox.protocol.Timestamps;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Predicate;

/**
 * AWS Backup (REST-JSON): plans and their selections, vaults (with Vault Lock), the protected
 * resources, the job history (last 30 days) and each vault's recovery points.
 */
public final class BackupService implements AwsService {

    private static final int MAX_PAGE = 1000;

    private final Operation listBackupPlans = op("ListBackupPlans", this::listBackupPlans);
    private final Operation getBackupPlan = op("GetBackupPlan", this::getBackupPlan);
    private final Operation listBackupSelections = op("ListBackupSelections", this::listBackupSelections);
    private final Operation getBackupSelection = op("GetBackupSelection", this::getBackupSelection);
    private final Operation listBackupVaults = op("ListBackupVaults", this::listBackupVaults);
    private final Operation listRecoveryPoints = op("ListRecoveryPointsByBackupVault",
            this::listRecoveryPointsByBackupVault);
    private final Operation listProtectedResources = op("ListProtectedResources", this::listProtectedResources);
    private final Operation listBackupJobs = op("ListBackupJobs", this::listBackupJobs);

    @Override
    public String signingName() {
        return "backup";
    }

    @Override
    public Protocol protocol(AwsRequest request) {
        return Protocol.REST_JSON;
    }

    @Override
    public Operation resolve(AwsRequest request) {
        String[] s = GuardDutyService.segments(request.path());
        if (request.method().equals("GET")) {
            if (s.length == 2 && s[0].equals("backup") && s[1].equals("plans")) {
                return listBackupPlans;
            }
            if (s.length == 3 && s[0].equals("backup") && s[1].equals("plans")) {
                return getBackupPlan;
            }
            if (s.length == 4 && s[0].equals("backup") && s[1].equals("plans") && s[3].equals("selections")) {
                return listBackupSelections;
            }
            if (s.length == 5 && s[0].equals("backup") && s[1].equals("plans") && s[3].equals("selections")) {
                return getBackupSelection;
            }
            if (s.length == 1 && s[0].equals("backup-vaults")) {
                return listBackupVaults;
            }
            if (s.length == 3 && s[0].equals("backup-vaults") && s[2].equals("recovery-points")) {
                return listRecoveryPoints;
            }
            if (s.length == 1 && s[0].equals("resources")) {
                return listProtectedResources;
            }
            if (s.length == 1 && s[0].equals("backup-jobs")) {
                return listBackupJobs;
            }
        }
        throw StandardErrors.unknownOperation(Protocol.REST_JSON, request.method() + " " + request.path());
    }

    private Response listBackupPlans(Call call) {
        RegionView view = call.regionView();
        ObjectNode body = Json.object();
        page(call, body, "BackupPlansList", view.spec().backupOrEmpty().plans(), (item, plan) -> {
            item.put("BackupPlanArn", plan.arn(call.region(), call.accountId()))
                    .put("BackupPlanId", plan.id())
                    .put("VersionId", plan.versionId())
                    .put("BackupPlanName", plan.name());
            Json.putTime(item, "CreationDate", plan.created());
            Json.putTime(item, "LastExecutionDate", lastExecution(view, plan));
        });
        return Json.response(200, body, "application/json");
    }

    private Response getBackupPlan(Call call) {
        RegionView view = call.regionView();
        BackupPlan plan = plan(call, view);
        ObjectNode body = Json.object();
        ObjectNode document = body.putObject("BackupPlan").put("BackupPlanName", plan.name());
        ArrayNode rules = document.putArray("Rules");
        for (BackupRule rule : plan.rules()) {
            ObjectNode item = rules.addObject()
                    .put("RuleName", rule.name())
                    .put("TargetBackupVaultName", rule.vault())
                    .put("ScheduleExpression", rule.schedule())
                    .put("StartWindowMinutes", 480)
                    .put("CompletionWindowMinutes", 10080)
                    .put("RuleId", rule.id())
                    .put("ScheduleExpressionTimezone", "Etc/UTC")
                    .put("EnableContinuousBackup", false);
            item.set("Lifecycle", lifecycle(rule.deleteAfterDays(), rule.moveToColdStorageAfterDays()));
            ArrayNode copies = item.putArray("CopyActions");
            for (String destination : rule.copyToVaultArns()) {
                copies.addObject().put("DestinationBackupVaultArn", destination)
                        .set("Lifecycle", lifecycle(rule.deleteAfterDays(), null));
            }
        }
        body.put("BackupPlanId", plan.id())
                .put("BackupPlanArn", plan.arn(call.region(), call.accountId()))
                .put("VersionId", plan.versionId());
        Json.putTime(body, "CreationDate", plan.created());
        Json.putTime(body, "LastExecutionDate", lastExecution(view, plan));
        return Json.response(200, body, "application/json");
    }

    private Response listBackupSelections(Call call) {
        BackupPlan plan = plan(call, call.regionView());
        ObjectNode body = Json.object();
        page(call, body, "BackupSelectionsList", plan.selections(), (item, selection) -> {
            item.put("SelectionId", selection.id())
                    .put("SelectionName", selection.name())
                    .put("BackupPlanId", plan.id())
                    .put("IamRoleArn", selection.iamRoleArn());
            Json.putTime(item, "CreationDate", selection.created());
        });
        return Json.response(200, body, "application/json");
    }

    private Response getBackupSelection(Call call) {
        BackupPlan plan = plan(call, call.regionView());
        String selectionId = GuardDutyService.segments(call.request().path())[4];
        BackupSelection selection = plan.selections().stream().filter(s -> s.id().equals(selectionId)).findFirst()
                .orElseThrow(() -> notFound("Backup selection " + selectionId + " does not exist."));
        ObjectNode body = Json.object();
        ObjectNode document = body.putObject("BackupSelection")
                .put("SelectionName", selection.name())
                .put("IamRoleArn", selection.iamRoleArn());
        ArrayNode resources = document.putArray("Resources");
        selection.resources().forEach(resources::add);
        document.putArray("ListOfTags");
        document.putArray("NotResources");
        body.put("SelectionId", selection.id()).put("BackupPlanId", plan.id());
        Json.putTime(body, "CreationDate", selection.created());
        return Json.response(200, body, "application/json");
    }

    private Response listBackupVaults(Call call) {
        RegionView view = call.regionView();
        ObjectNode body = Json.object();
        page(call, body, "BackupVaultList", view.spec().backupOrEmpty().vaults(), (item, vault) -> {
            item.put("BackupVaultName", vault.name())
                    .put("BackupVaultArn", vault.arn(call.region(), call.accountId()))
                    .put("VaultType", "BACKUP_VAULT")
                    .put("VaultState", "AVAILABLE");
            Json.putTime(item, "CreationDate", vault.created() == null ? view.anchor() : vault.created());
            item.put("EncryptionKeyArn", vault.encryptionKeyArn() != null ? vault.encryptionKeyArn()
                            : "arn:aws:kms:" + call.region() + ":" + call.accountId() + ":key/aws/backup")
                    .put("NumberOfRecoveryPoints", view.recoveryPoints().stream()
                            .filter(point -> point.vault().equals(vault.name())).count())
                    .put("Locked", vault.locked());
            if (vault.minRetentionDays() != null) {
                item.put("MinRetentionDays", vault.minRetentionDays());
            }
            if (vault.maxRetentionDays() != null) {
                item.put("MaxRetentionDays", vault.maxRetentionDays());
            }
            Json.putTime(item, "LockDate", vault.lockDate());
        });
        return Json.response(200, body, "application/json");
    }

    private Response listRecoveryPointsByBackupVault(Call call) {
        RegionView view = call.regionView();
        String vaultName = GuardDutyService.segments(call.request().path())[1];
        BackupVault vault = view.spec().backupOrEmpty().vaults().stream().filter(v -> v.name().equals(vaultName))
                .findFirst().orElseThrow(() -> notFound("Backup vault " + vaultName + " does not exist."));
        QueryParams query = call.request().query();
        Predicate<RecoveryPoint> filter = point -> point.vault().equals(vault.name())
                && matches(query.get("resourceArn"), point.resourceArn())
                && matches(query.get("resourceType"), point.resourceType())
                && matches(query.get("backupPlanId"), point.planId())
                && after(query.get("createdAfter"), point.created())
                && before(query.get("createdBefore"), point.created());
        List<RecoveryPoint> points = view.recoveryPoints().stream().filter(filter)
                .sorted(Comparator.comparing(RecoveryPoint::created).reversed()).toList();
        ObjectNode body = Json.object();
        page(call, body, "RecoveryPoints", points, (item, point) -> {
            item.put("RecoveryPointArn", point.arn(call.region(), call.accountId()))
                    .put("BackupVaultName", vault.name())
                    .put("BackupVaultArn", vault.arn(call.region(), call.accountId()))
                    .put("ResourceArn", point.resourceArn())
                    .put("ResourceType", point.resourceType())
                    .put("ResourceName", ResourceArns.resourceName(point.resourceArn()));
            createdBy(item, call, view, point.planId());
            item.put("IamRoleArn", "arn:aws:iam::" + call.accountId()
                            + ":role/service-role/AWSBackupDefaultServiceRole")
                    .put("Status", point.status());
            Json.putTime(item, "CreationDate", point.created());
            Json.putTime(item, "CompletionDate", point.created().plusSeconds(1200));
            if (point.sizeBytes() != null) {
                item.put("BackupSizeInBytes", point.sizeBytes());
            }
            if (point.deleteAfterDays() != null) {
                item.set("Lifecycle", lifecycle(point.deleteAfterDays(), null));
                Json.putTime(item.putObject("CalculatedLifecycle"), "DeleteAt",
                        point.created().plusSeconds(point.deleteAfterDays() * 86_400));
            }
            item.put("IsEncrypted", true).put("VaultType", "BACKUP_VAULT");
        });
        return Json.response(200, body, "application/json");
    }

    private Response listProtectedResources(Call call) {
        RegionView view = call.regionView();
        Map<String, RecoveryPoint> latest = new LinkedHashMap<>();
        view.recoveryPoints().stream().filter(point -> point.status().equals("COMPLETED"))
                .sorted(Comparator.comparing(RecoveryPoint::created))
                .forEach(point -> latest.put(point.resourceArn(), point));
        ObjectNode body = Json.object();
        page(call, body, "Results", List.copyOf(latest.values()), (item, point) -> {
            item.put("ResourceArn", point.resourceArn())
                    .put("ResourceType", point.resourceType());
            Json.putTime(item, "LastBackupTime", point.created());
            item.put("ResourceName", ResourceArns.resourceName(point.resourceArn()))
                    .put("LastBackupVaultArn", "arn:aws:backup:" + call.region() + ":" + call.accountId()
                            + ":backup-vault:" + point.vault())
                    .put("LastRecoveryPointArn", point.arn(call.region(), call.accountId()));
        });
        return Json.response(200, body, "application/json");
    }

    private Response listBackupJobs(Call call) {
        RegionView view = call.regionView();
        QueryParams query = call.request().query();
        String state = query.get("state");
        if (state != null && !List.of("CREATED", "PENDING", "RUNNING", "ABORTING", "ABORTED", "COMPLETED", "FAILED",
                "EXPIRED", "PARTIAL").contains(state)) {
            throw new AwsError("InvalidParameterValueException", 400, "Invalid value for state: " + state);
        }
        Predicate<BackupJob> filter = job -> matches(state, job.state())
                && matches(query.get("resourceArn"), job.resourceArn())
                && matches(query.get("backupVaultName"), job.vault())
                && matches(query.get("resourceType"), job.resourceType())
                && matches(query.get("accountId"), call.accountId())
                && after(query.get("createdAfter"), job.created())
                && before(query.get("createdBefore"), job.created())
                && (query.get("completeAfter") == null || job.completed() != null
                        && after(query.get("completeAfter"), job.completed()))
                && (query.get("completeBefore") == null || job.completed() != null
                        && before(query.get("completeBefore"), job.completed()));
        List<BackupJob> jobs = view.backupJobs().stream().filter(filter)
                .sorted(Comparator.comparing(BackupJob::created).reversed()).toList();
        ObjectNode body = Json.object();
        page(call, body, "BackupJobs", jobs, (item, job) -> {
            item.put("AccountId", call.accountId())
                    .put("BackupJobId", job.id())
                    .put("BackupVaultName", job.vault())
                    .put("BackupVaultArn", "arn:aws:backup:" + call.region() + ":" + call.accountId()
                            + ":backup-vault:" + job.vault())
                    .put("ResourceArn", job.resourceArn());
            Json.putTime(item, "CreationDate", job.created());
            Json.putTime(item, "CompletionDate", job.completed());
            item.put("State", job.state());
            Json.putText(item, "StatusMessage", job.statusMessage());
            item.put("PercentDone", job.state().equals("COMPLETED") ? "100.0" : "0.0");
            if (job.sizeBytes() != null) {
                item.put("BackupSizeInBytes", job.sizeBytes());
            }
            item.put("IamRoleArn", "arn:aws:iam::" + call.accountId() + ":role/service-role/AWSBackupDefaultServiceRole");
            createdBy(item, call, view, job.planId());
            item.put("ResourceType", job.resourceType())
                    .put("ResourceName", ResourceArns.resourceName(job.resourceArn()))
                    .put("IsParent", false);
        });
        return Json.response(200, body, "application/json");
    }

    private static <T> void page(Call call, ObjectNode body, String listName, List<T> items,
                                 BiConsumer<ObjectNode, T> writer) {
        QueryParams query = call.request().query();
        Integer max = query.integer("maxResults", "InvalidParameterValueException");
        if (max != null && (max < 1 || max > MAX_PAGE)) {
            throw new AwsError("InvalidParameterValueException", 400, "MaxResults must be between 1 and 1000");
        }
        String fingerprint = call.request().path() + query.get("state") + query.get("resourceArn")
                + query.get("createdAfter") + query.get("createdBefore") + query.get("backupVaultName");
        PageToken.Page<T> page = PageToken.page(items, query.get("nextToken"), max == null ? MAX_PAGE : max, fingerprint,
                () -> new AwsError("InvalidParameterValueException", 400, "Invalid NextToken"));
        ArrayNode list = body.putArray(listName);
        page.items().forEach(item -> writer.accept(list.addObject(), item));
        Json.putText(body, "NextToken", page.nextToken());
    }

    private static BackupPlan plan(Call call, RegionView view) {
        String planId = GuardDutyService.segments(call.request().path())[2];
        return view.spec().backupOrEmpty().plans().stream().filter(plan -> plan.id().equals(planId)).findFirst()
                .orElseThrow(() -> notFound("Failed reading Backup plan with provided version"));
    }

    private static void createdBy(ObjectNode item, Call call, RegionView view, String planId) {
        if (planId == null) {
            return;
        }
        Optional<BackupPlan> plan = Optional.empty();
        for (BackupPlan candidate : view.spec().backupOrEmpty().plans()) {
            if (candidate.id().equals(planId)) {
                plan = Optional.of(candidate);
            }
        }
        ObjectNode createdBy = item.putObject("CreatedBy").put("BackupPlanId", planId)
                .put("BackupPlanArn", "arn:aws:backup:" + call.region() + ":" + call.accountId() + ":backup-plan:" + planId);
        plan.ifPresent(p -> {
            createdBy.put("BackupPlanVersion", p.versionId()).put("BackupPlanName", p.name());
            if (!p.rules().isEmpty()) {
                createdBy.put("BackupRuleId", p.rules().get(0).id()).put("BackupRuleName", p.rules().get(0).name())
                        .put("BackupRuleCron", p.rules().get(0).schedule());
            }
        });
    }

    private static Instant lastExecution(RegionView view, BackupPlan plan) {
        return view.backupJobs().stream().filter(job -> plan.id().equals(job.planId())).map(BackupJob::created)
                .max(Comparator.naturalOrder()).orElse(null);
    }

    private static ObjectNode lifecycle(Long deleteAfterDays, Long coldAfterDays) {
        ObjectNode node = Json.object();
        if (coldAfterDays != null) {
            node.put("MoveToColdStorageAfterDays", coldAfterDays);
        }
        if (deleteAfterDays != null) {
            node.put("DeleteAfterDays", deleteAfterDays);
        }
        node.put("OptInToArchiveForSupportedResources", false);
        return node;
    }

    private static boolean matches(String wanted, String actual) {
        return wanted == null || wanted.equals(actual);
    }

    private static boolean after(String bound, Instant time) {
        return bound == null || !time.isBefore(parseTime(bound));
    }

    private static boolean before(String bound, Instant time) {
        return bound == null || !time.isAfter(parseTime(bound));
    }

    private static Instant parseTime(String text) {
        try {
            return Timestamps.parseText(text);
        } catch (RuntimeException e) {
            throw new AwsError("InvalidParameterValueException", 400, "Invalid timestamp: " + text);
        }
    }

    private static AwsError notFound(String message) {
        return new AwsError("ResourceNotFoundException", 400, message);
    }

    private static Operation op(String name, Operation.Handler handler) {
        return Operation.of("backup", name, Protocol.REST_JSON, handler);
    }
}
