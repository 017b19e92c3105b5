package org.pelita.lrs.http;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import org.pelita.lrs.store.NewAttachment;

/** Reading statements with attachments from multipart/mixed bodies and writing them back (xAPI 1.0.3 Communication §1.5.2). */
public interface MultipartCodec {
    /** The statement JSON part and the attachment parts of a multipart/mixed request body. */
    record Decoded(byte[] json, List<NewAttachment> attachments) {
    }

    Decoded decode(byte[] body, String contentType);

    /** A fresh boundary for a multipart/mixed response. */
    String boundary();

    /** The Content-Type header of a multipart/mixed response with this boundary. */
    String contentType(String boundary);

    void encode(OutputStream out, String boundary, byte[] json, List<NewAttachment> attachments) throws IOException;
}
