package io.cloudward.sandbox.protocol;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.function.BiConsumer;

/**
 * Writes XML answers element by element. Every text value is escaped, so a resource name such as
 * {@code <script>alert(1)</script>} reaches the SDK as text; characters XML 1.0 cannot carry become
 * U+FFFD.
 */
public final class XmlWriter {

    private final StringBuilder out = new StringBuilder(512);
    private final Deque<String> open = new ArrayDeque<>();

    private XmlWriter() {
    }

    /** A document whose root element carries the service's namespace. */
    public static XmlWriter document(String root, String namespace) {
        XmlWriter writer = new XmlWriter();
        writer.out.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<").append(root);
        if (namespace != null) {
            writer.out.append(" xmlns=\"").append(namespace).append('"');
        }
        writer.out.append('>');
        writer.open.push(root);
        return writer;
    }

    public XmlWriter start(String name) {
        out.append('<').append(name).append('>');
        open.push(name);
        return this;
    }

    public XmlWriter end() {
        out.append("</").append(open.pop()).append('>');
        return this;
    }

    /** An element with text; nothing at all when the value is {@code null}, as AWS omits absent members. */
    public XmlWriter element(String name, Object value) {
        if (value == null) {
            return this;
        }
        out.append('<').append(name).append('>');
        escape(value instanceof Instant instant ? Timestamps.iso(instant) : value.toString());
        out.append("</").append(name).append('>');
        return this;
    }

    /** Text inside the current element. */
    public XmlWriter text(String value) {
        escape(value);
        return this;
    }

    /** A wrapped list: {@code <name><item>…</item>…</name>}, written even when empty. */
    public <T> XmlWriter list(String name, String member, Collection<T> items, BiConsumer<XmlWriter, T> writeItem) {
        start(name);
        for (T item : items) {
            start(member);
            writeItem.accept(this, item);
            end();
        }
        return end();
    }

    /** A wrapped list of plain values. */
    public XmlWriter values(String name, String member, Collection<?> items) {
        start(name);
        for (Object item : items) {
            element(member, item);
        }
        return end();
    }

    public String finish() {
        while (!open.isEmpty()) {
            end();
        }
        return out.toString();
    }

    private void escape(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&apos;");
                case '\r' -> out.append("&#13;");
                default -> {
                    if (c < 0x20 && c != '\n' && c != '\t' || c == 0xFFFE || c == 0xFFFF) {
                        out.append('\uFFFD');
                    } else {
                        out.append(c);
                    }
                }
            }
        }
    }
}
