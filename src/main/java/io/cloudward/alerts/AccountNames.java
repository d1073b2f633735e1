package io.cloudward.alerts;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The current tenant's AWS account ids and their names in Cloudward, for rules that match on a name. */
@ApplicationScoped
public class AccountNames {
    private final EntityManager em;

    public AccountNames(EntityManager em) {
        this.em = em;
    }

    public Map<String, String> names() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select account_id, name from aws_account").getResultList();
        Map<String, String> names = new HashMap<>();
        rows.forEach(r -> names.put((String) r[0], (String) r[1]));
        return names;
    }
}
