package org.hipaatraining.lrs.staffimport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * Staff files as practices have them, for the import tests: an HR export as CSV (byte order mark, quoted headers, job
 * titles, two date styles, a duplicate email, a blank line, a missing manager), a changed export a month later, and
 * an Excel workbook; and a multipart body to upload them.
 */
final class StaffFiles {

    private StaffFiles() {
    }

    /** The first export. Lines: 1 header, 2 Grace, 3 Ana, 4 Ben, 5 blank, 6 Cleo, 7 Dev (Ana's email), 8 Eli (terminated). */
    static String firstExport(String run) {
        return "\uFEFF\"Employee ID\",\"Full Name\",\"Work Email\",\"Job Title\",\"Hire Date\",\"Manager\",\"Employment Status\",\"Location\"\r\n"
                + "\"E1001-" + run + "\",\"Okafor, Grace\",\"grace." + run + "@lakeside.test\",\"Practice Manager\",\"2019-04-01\",\"\",\"Active\",\"Main Street\"\r\n"
                + "E1002-" + run + ",Ana Silva,ana." + run + "@lakeside.test,Receptionist,15.03.2026,\"Okafor, Grace\",Active,Main Street\r\n"
                + "E1003-" + run + ",Ben Carter,Ben." + run + "@Lakeside.test,Nurse,03/04/2025,Grace Okafor,Active,North Clinic\r\n"
                + "\r\n"
                + "E1004-" + run + ",Cleo Diaz,cleo." + run + "@lakeside.test,Medical biller,2024-11-30,Grace Okafor,Full-time,Main Street\r\n"
                + "E1005-" + run + ",Dev Rao,ANA." + run + "@lakeside.test,Medical Assistant,01.02.2026,,Active,North Clinic\r\n"
                + "E1006-" + run + ",Eli Fox,eli." + run + "@lakeside.test,Nurse,2023-07-10,Grace Okafor,Terminated,North Clinic\r\n";
    }

    /** A month later: Ana moved to billing, Cleo is gone, Dev's email is fixed, Eli is still listed as terminated. */
    static String secondExport(String run) {
        return "\uFEFF\"Employee ID\",\"Full Name\",\"Work Email\",\"Job Title\",\"Hire Date\",\"Manager\",\"Employment Status\",\"Location\"\r\n"
                + "\"E1001-" + run + "\",\"Okafor, Grace\",\"grace." + run + "@lakeside.test\",\"Practice Manager\",\"2019-04-01\",\"\",\"Active\",\"Main Street\"\r\n"
                + "E1002-" + run + ",Ana Silva,ana." + run + "@lakeside.test,Medical Biller,15.03.2026,\"Okafor, Grace\",Active,Main Street\r\n"
                + "E1003-" + run + ",Ben Carter,Ben." + run + "@Lakeside.test,Nurse,03/04/2025,Grace Okafor,Active,North Clinic\r\n"
                + "E1005-" + run + ",Dev Rao,dev." + run + "@lakeside.test,Medical Assistant,01.02.2026,,Active,North Clinic\r\n"
                + "E1006-" + run + ",Eli Fox,eli." + run + "@lakeside.test,Nurse,2023-07-10,Grace Okafor,Terminated,North Clinic\r\n";
    }

    /** A payroll workbook: first and last name columns, hire dates as real Excel dates, a title per person. */
    static byte[] workbook(String run, List<List<Object>> rows) {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Workbook workbook = new Workbook(out, "Payroll", "1.0");
            Worksheet sheet = workbook.newWorksheet("Staff");
            List<String> headers = List.of("Emp #", "First Name", "Last Name", "Email Address", "Position", "Date of Hire", "Site");
            for (int c = 0; c < headers.size(); c++) {
                sheet.value(0, c, headers.get(c));
            }
            for (int r = 0; r < rows.size(); r++) {
                for (int c = 0; c < rows.get(r).size(); c++) {
                    Object v = rows.get(r).get(c);
                    if (v instanceof LocalDate date) {
                        sheet.value(r + 1, c, date);
                        sheet.style(r + 1, c).format("mm/dd/yyyy").set();
                    } else if (v instanceof Number n) {
                        sheet.value(r + 1, c, n);
                    } else if (v != null) {
                        sheet.value(r + 1, c, v.toString());
                    }
                }
            }
            workbook.finish();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A multipart/form-data body: the file, then fields (a field may repeat, as a list). */
    record Multipart(String contentType, byte[] body) {
    }

    static Multipart multipart(String fileName, byte[] file, Map<String, List<String>> fields) {
        String boundary = "----staff" + UUID.randomUUID().toString().replace("-", "");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        write(out, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n");
        out.writeBytes(file);
        write(out, "\r\n");
        fields.forEach((name, values) -> values.forEach(value -> write(out, "--" + boundary
                + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n")));
        write(out, "--" + boundary + "--\r\n");
        return new Multipart("multipart/form-data; boundary=" + boundary, out.toByteArray());
    }

    private static void write(ByteArrayOutputStream out, String s) {
        out.writeBytes(s.getBytes(StandardCharsets.UTF_8));
    }
}
