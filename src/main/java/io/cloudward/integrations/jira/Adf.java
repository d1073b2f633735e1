package io.cloudward.integrations.jira;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Map;

/** Atlassian Document Format (ADF) for issue descriptions and comments: a doc of paragraphs and a bullet list. */
final class Adf {
    private final ObjectMapper json;

    Adf(ObjectMapper json) {
        this.json = json;
    }

    ObjectNode doc(String lead, Map<String, String> facts, String link) {
        ObjectNode doc = json.createObjectNode().put("type", "doc").put("version", 1);
        ArrayNode content = doc.putArray("content");
        paragraph(content).addObject().put("type", "text").put("text", lead);
        if (!facts.isEmpty()) {
            ArrayNode items = content.addObject().put("type", "bulletList").putArray("content");
            facts.forEach((label, value) -> {
                ArrayNode p = paragraph(items.addObject().put("type", "listItem").putArray("content"));
                p.addObject().put("type", "text").put("text", label + ": ")
                        .putArray("marks").addObject().put("type", "strong");
                p.addObject().put("type", "text").put("text", value);
            });
        }
        if (link != null) {
            paragraph(content).addObject().put("type", "text").put("text", "Open in Cloudward")
                    .putArray("marks").addObject().put("type", "link").putObject("attrs").put("href", link);
        }
        return doc;
    }

    private static ArrayNode paragraph(ArrayNode parent) {
        return parent.addObject().put("type", "paragraph").putArray("content");
    }
}
