package io.cloudward.integrations;

import java.util.Optional;

/** The tickets one destination keeps for findings and incidents (table {@code ticket_link}). */
public interface Tickets {

    /**
     * @param key        a finding fingerprint or {@code incident:<id>}
     * @param externalId the ticket's id at the vendor (Jira issue key, ServiceNow sys_id, PagerDuty dedup key)
     * @param ref        a human reference (ServiceNow number, Jira URL)
     */
    record Ticket(String key, String externalId, String ref, boolean open) {
    }

    Optional<Ticket> find(String key);

    void save(Ticket ticket);
}
