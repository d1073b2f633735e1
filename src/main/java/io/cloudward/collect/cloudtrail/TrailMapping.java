package io.cloudward.collect.cloudtrail;

import io.cloudward.collect.snapshot.TrailFacts;
import java.util.Optional;
import software.amazon.awssdk.services.cloudtrail.model.AdvancedFieldSelector;
import software.amazon.awssdk.services.cloudtrail.model.EventSelector;
import software.amazon.awssdk.services.cloudtrail.model.GetEventSelectorsResponse;
import software.amazon.awssdk.services.cloudtrail.model.GetTrailStatusResponse;

/** GetTrailStatus and GetEventSelectors answers to {@link TrailFacts} parts. */
final class TrailMapping {

    private TrailMapping() {
    }

    static TrailFacts.Status status(GetTrailStatusResponse status) {
        return new TrailFacts.Status(Boolean.TRUE.equals(status.isLogging()), Optional.ofNullable(status.latestDeliveryTime()),
                Optional.ofNullable(status.latestDeliveryError()), Optional.ofNullable(status.stopLoggingTime()));
    }

    static TrailFacts.Selectors selectors(GetEventSelectorsResponse response) {
        return new TrailFacts.Selectors(response.eventSelectors().stream().map(TrailMapping::basic).toList(),
                response.advancedEventSelectors().stream().map(selector -> new TrailFacts.AdvancedEventSelector(
                        Optional.ofNullable(selector.name()),
                        selector.fieldSelectors().stream().map(TrailMapping::field).toList())).toList());
    }

    /** An unset ReadWriteType means All and an unset IncludeManagementEvents means true, as AWS defaults them. */
    private static TrailFacts.EventSelector basic(EventSelector selector) {
        return new TrailFacts.EventSelector(selector.readWriteType() == null ? "All" : selector.readWriteTypeAsString(),
                !Boolean.FALSE.equals(selector.includeManagementEvents()), selector.excludeManagementEventSources());
    }

    private static TrailFacts.FieldSelector field(AdvancedFieldSelector field) {
        return new TrailFacts.FieldSelector(field.field(), field.equalsValue(), field.notEquals(), field.startsWith(),
                field.notStartsWith(), field.endsWith(), field.notEndsWith());
    }
}
