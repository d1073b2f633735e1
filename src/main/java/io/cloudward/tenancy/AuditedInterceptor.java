package io.cloudward.tenancy;

import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

/**
 * Writes the audit entry of an {@link Audited} method after it succeeds. Its priority places it inside
 * the method's transaction, so the change and its audit entry commit or roll back together.
 */
@Audited("")
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 300)
public class AuditedInterceptor {
    private final AuditLog auditLog;

    public AuditedInterceptor(AuditLog auditLog) {
        this.auditLog = auditLog;
    }

    @AroundInvoke
    Object audit(InvocationContext invocation) throws Exception {
        Audited audited = invocation.getMethod().getAnnotation(Audited.class);
        if (audited == null) {
            audited = invocation.getTarget().getClass().getAnnotation(Audited.class);
        }
        Object result = invocation.proceed();
        auditLog.recordDescribed(audited.value());
        return result;
    }
}
