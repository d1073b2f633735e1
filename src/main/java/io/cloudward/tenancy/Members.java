package io.cloudward.tenancy;

import io.cloudward.api.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The current tenant's members: list, change role, remove — never leaving the tenant without an owner. */
@ApplicationScoped
public class Members {
    private final MemberRepository members;
    private final TenantContext tenant;
    private final AuditLog audit;
    private final MfaEnrolment mfa;

    public Members(MemberRepository members, TenantContext tenant, AuditLog audit, MfaEnrolment mfa) {
        this.members = members;
        this.tenant = tenant;
        this.audit = audit;
        this.mfa = mfa;
    }

    public List<Member> list() {
        return members.listAll();
    }

    public Member get(UUID id) {
        return members.findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("The member"));
    }

    @Transactional
    public Member changeRole(UUID id, Role role) {
        Member member = get(id);
        Role before = member.role;
        if (before == Role.OWNER && role != Role.OWNER && members.countByRole(Role.OWNER) == 1) {
            throw ProblemException.conflict("last-owner", "This is the tenant's only owner: make someone else owner first.");
        }
        member.role = role;
        members.flush();
        mfa.sync(member.subject);
        audit.describe("member", member.id, Map.of("email", member.email, "before", before.name(), "after", role.name()));
        return member;
    }

    @Transactional
    public void remove(UUID id) {
        Member member = get(id);
        if (member.role == Role.OWNER && members.countByRole(Role.OWNER) == 1) {
            throw ProblemException.conflict("last-owner", "This is the tenant's only owner: it cannot be removed.");
        }
        if (member.subject.equals(tenant.require().principal()) && member.role == Role.OWNER) {
            throw ProblemException.conflict("self-removal", "Owners cannot remove themselves; ask another owner.");
        }
        members.delete(member);
        members.flush();
        mfa.sync(member.subject);
        audit.describe("member", member.id, Map.of("email", member.email, "role", member.role.name()));
    }

    /** Adds a member (sign-up, accepted invitation); the caller has established the tenant. */
    @Transactional
    public Member add(String subject, String email, String name, Role role) {
        if (members.findBySubject(subject).isPresent()) {
            throw ProblemException.conflict("already-member", "This person is already a member of the tenant.");
        }
        Member member = Member.of(subject, email, name, role);
        members.persist(member);
        members.flush();
        mfa.sync(subject);
        return member;
    }
}
