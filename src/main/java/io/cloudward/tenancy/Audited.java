package io.cloudward.tenancy;

import jakarta.enterprise.util.Nonbinding;
import jakarta.interceptor.InterceptorBinding;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a change that must leave an audit entry. The entry is written in the change's own transaction
 * when the method returns; the method adds the target and the before/after summary through
 * {@link AuditLog#describe}.
 */
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface Audited {
    /** A stable action name such as {@code member.invited}. */
    @Nonbinding
    String value();
}
