package org.pelita.packager.definition;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Reads authors' text files strictly as UTF-8, so a file saved in another encoding is an error, not mojibake. */
final class SourceFiles {
    private SourceFiles() {
    }

    static Optional<String> readUtf8(Path file, SourceLocation at, Problems problems) {
        try {
            byte[] bytes = Files.readAllBytes(file);
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
            return Optional.of(text.startsWith("\uFEFF") ? text.substring(1) : text);
        } catch (CharacterCodingException e) {
            problems.error(at, "the file is not valid UTF-8 text", "save it as UTF-8 in your editor");
        } catch (IOException e) {
            problems.error(at, "cannot read the file: " + e.getMessage(), null);
        }
        return Optional.empty();
    }
}
