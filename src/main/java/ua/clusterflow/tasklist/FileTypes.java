package ua.clusterflow.tasklist;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/** Tells a file's type from its content, not its name: PDF, DOCX, XLSX or PNG/JPEG. */
public final class FileTypes {

    private FileTypes() {
    }

    /** The extension the content really has ("pdf", "docx", "xlsx", "png", "jpg"), or null. */
    public static String detect(byte[] content) {
        if (startsWith(content, "%PDF-".getBytes())) {
            return "pdf";
        }
        if (startsWith(content, new byte[] {(byte) 0x89, 'P', 'N', 'G'})) {
            return "png";
        }
        if (startsWith(content, new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF})) {
            return "jpg";
        }
        if (startsWith(content, new byte[] {'P', 'K', 3, 4})) {
            return officeType(content);
        }
        return null;
    }

    /**
     * What is wrong with a file, as a message key: larger than allowed, or not of an allowed
     * type by its content and its name alike. Null when the file is fine.
     */
    public static String problem(String name, byte[] content, List<String> allowed, long maxBytes) {
        if (content.length > maxBytes) {
            return "error.file.size";
        }
        String actual = detect(content);
        if (actual == null || !allowed.contains(actual) || !extensionOf(safeName(name)).equals(actual)) {
            return "error.file.type";
        }
        return null;
    }

    public static String contentType(String extension) {
        return switch (extension) {
            case "pdf" -> "application/pdf";
            case "docx" -> "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
            case "xlsx" -> "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
            case "png" -> "image/png";
            case "jpg" -> "image/jpeg";
            default -> "application/octet-stream";
        };
    }

    /** A file name safe to store and to offer for download: no path, no control or quoting characters. */
    public static String safeName(String original) {
        String name = original == null ? "file" : original.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1);
        name = name.replaceAll("[\\p{Cntrl}\"<>|:*?;%]", "_").trim();
        if (name.isEmpty() || name.startsWith(".")) {
            name = "file" + name;
        }
        return name.length() > 150 ? name.substring(name.length() - 150) : name;
    }

    public static String extensionOf(String name) {
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    private static String officeType(byte[] content) {
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(content))) {
            ZipEntry entry;
            int seen = 0;
            while ((entry = zip.getNextEntry()) != null && seen++ < 2000) {
                if (entry.getName().startsWith("word/")) {
                    return "docx";
                }
                if (entry.getName().startsWith("xl/")) {
                    return "xlsx";
                }
            }
        } catch (IOException e) {
            return null;
        }
        return null;
    }

    private static boolean startsWith(byte[] content, byte[] prefix) {
        if (content.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (content[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
