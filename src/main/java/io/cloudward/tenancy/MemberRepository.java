package io.cloudward.tenancy;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Members of the current tenant (scoped by the tenant discriminator, never by hand). */
@ApplicationScoped
public class MemberRepository implements PanacheRepositoryBase<Member, UUID> {

    public List<Member> listAll() {
        return listAll(Sort.by("email"));
    }

    public Optional<Member> findBySubject(String subject) {
        return find("subject", subject).firstResultOptional();
    }

    public long countByRole(Role role) {
        return count("role", role);
    }
}
