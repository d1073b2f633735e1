package io.cloudward.tenancy;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** A person's role in one tenant; the person lives in Keycloak and is known here by subject. */
@Entity
@Table(name = "member")
public class Member extends TenantOwned {
    @Id
    public UUID id;


    @Column(nullable = false, updatable = false)
    public String subject;

    @Column(nullable = false)
    public String email;

    public String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Role role;

    @Column(name = "created_at", insertable = false, updatable = false)
    public Instant createdAt;

    public static Member of(String subject, String email, String name, Role role) {
        Member member = new Member();
        member.id = UUID.randomUUID();
        member.subject = subject;
        member.email = email;
        member.name = name;
        member.role = role;
        return member;
    }
}
