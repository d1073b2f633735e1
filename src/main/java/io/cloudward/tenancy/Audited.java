package io.cloudward.tenancy;

import jakarta.enterprise.util.Nonbinding;
import jakarta.interceptor.InterceptorBinding;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an endpoint that changes tenant data: when it returns, an audit entry is written in the same
 * transaction (put {@code @Transactional} on the endpoint too). The code that makes the change names
 * the target and summarises before/after through {@link AuditLog#describe}. Every mutating tenant
 * endpoint must carry it (EndpointCatalogueTest).
 */
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface Audited {
    /** A stable action name such as {@code member.invited}. */
    @Nonbinding
    String value();
}
