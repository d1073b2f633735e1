package io.cloudward.sandbox.protocol;

import java.util.function.Consumer;

/** The success documents of the XML query protocols. */
public final class QueryResponses {

    private QueryResponses() {
    }

    /** {@code <OpResponse><OpResult>…</OpResult><ResponseMetadata><RequestId/>…} (STS, IAM, RDS). */
    public static Response query(String operation, String namespace, String requestId, Consumer<XmlWriter> result) {
        XmlWriter xml = XmlWriter.document(operation + "Response", namespace).start(operation + "Result");
        result.accept(xml);
        xml.end().start("ResponseMetadata").element("RequestId", requestId).end();
        return Response.of(200, "text/xml", xml.finish());
    }

    /** {@code <OpResponse><requestId/>…} (EC2: no result wrapper). */
    public static Response ec2(String operation, String namespace, String requestId, Consumer<XmlWriter> result) {
        XmlWriter xml = XmlWriter.document(operation + "Response", namespace).element("requestId", requestId);
        result.accept(xml);
        return Response.of(200, "text/xml;charset=UTF-8", xml.finish());
    }
}
