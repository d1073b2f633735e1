package io.cloudward.web;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.ApplicationScoped;

/** The page a person sees instead of a problem document: a status and a sentence. */
@ApplicationScoped
public class ErrorPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance error(int status, String title, String detail);
    }

    public String render(int status, String title, String detail) {
        return Templates.error(status, title, detail).render();
    }
}
