package io.jenkins.plugins.nexor.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Leads files as Excel and CRMs write them, written byte for byte to disk and read through {@link LeadsFile}: Spanish
 * Excel's semicolons and Windows-1252, "CSV UTF-8" with its byte-order mark, UTF-16 with tabs, JSON with a BOM,
 * blank rows; errors that name the file's line.
 */
class LeadsFileTest {
    private static final String ANA = "3c90c3cc-0d44-4b50-8888-8dd25736052a";
    private static final String JOSE = "7d1e5b2a-9c4f-4e8d-a6b3-1f2e3d4c5b6a";
    private static final String PENA = "b4c3d2e1-f0a9-4b8c-9d7e-6f5a4b3c2d1e";
    private static final Charset CP1252 = Charset.forName("windows-1252");

    @TempDir
    Path dir;

    private Path file(String name, byte[]... parts) throws Exception {
        Path f = dir.resolve(name);
        try (var out = Files.newOutputStream(f)) {
            for (byte[] p : parts) {
                out.write(p);
            }
        }
        return f;
    }

    private static List<Recipient> read(LeadsFile leads) throws Exception {
        try (Stream<Recipient> rows = leads.open()) {
            return rows.toList();
        }
    }

    private static LeadsFile leads(Path f) {
        return LeadsFile.of(f.getFileName().toString(), () -> Files.newInputStream(f));
    }

    private static final String SPANISH = "lead_id;content\r\n" + ANA + ";Hola Ana, tu pedido salió\r\n" + JOSE
            + ";\"Hola José Núñez; gracias\"\r\n" + PENA + ";Hola Peña\r\n;\r\n;;\r\n";

    @Test
    void spanishExcelCsvSemicolonsAndWindows1252AreReadWithANote() throws Exception {
        LeadsFile leads = leads(file("clientes.csv", SPANISH.getBytes(CP1252)));
        List<Recipient> rows = read(leads);

        assertThat(rows).extracting(Recipient::leadId).containsExactly(ANA, JOSE, PENA);
        assertThat(rows).extracting(Recipient::content)
                .containsExactly("Hola Ana, tu pedido salió", "Hola José Núñez; gracias", "Hola Peña");
        assertThat(leads.charset()).isEqualTo(CP1252);
        assertThat(leads.notes()).singleElement().asString().contains("clientes.csv is not UTF-8")
                .contains("Windows-1252").contains("CSV UTF-8");
    }

    @Test
    void excelCsvUtf8WithItsByteOrderMarkIsReadAsIs() throws Exception {
        LeadsFile leads = leads(file("clientes.csv", new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
                SPANISH.getBytes(StandardCharsets.UTF_8)));
        assertThat(read(leads)).extracting(Recipient::content).contains("Hola José Núñez; gracias");
        assertThat(leads.charset()).isEqualTo(StandardCharsets.UTF_8);
        assertThat(leads.notes()).isEmpty();
    }

    @Test
    void utf16WithAByteOrderMarkAndTabsIsRead() throws Exception {
        String tabs = "lead_id\tsubject\n" + ANA + "\tFactura de Peña\n";
        for (Charset cs : List.of(StandardCharsets.UTF_16LE, StandardCharsets.UTF_16BE)) {
            byte[] bom = cs == StandardCharsets.UTF_16LE ? new byte[] {(byte) 0xFF, (byte) 0xFE}
                    : new byte[] {(byte) 0xFE, (byte) 0xFF};
            LeadsFile leads = leads(file("unicode.txt", bom, tabs.getBytes(cs)));
            assertThat(read(leads)).singleElement().satisfies(r -> {
                assertThat(r.leadId()).isEqualTo(ANA);
                assertThat(r.subject()).isEqualTo("Factura de Peña");
            });
            assertThat(leads.charset()).isEqualTo(cs);
        }
    }

    @Test
    void aJsonFileWithAByteOrderMarkIsAccepted() throws Exception {
        LeadsFile leads = leads(file("leads.json", new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
                ("[\"" + ANA + "\", {\"lead_id\": \"" + JOSE + "\", \"content\": \"Hola José\"}]")
                        .getBytes(StandardCharsets.UTF_8)));
        assertThat(read(leads)).extracting(Recipient::content).containsExactly(null, "Hola José");
    }

    @Test
    void blankLinesAndEmptyRowsAreSkippedAndErrorsNameTheFileLine() throws Exception {
        String csv = "lead_id,content\n\n   \n" + ANA + ",\"two\nlines\"\n,,\n" + "not-a-lead,Hola\n";
        LeadsFile leads = leads(file("leads.csv", csv.getBytes(StandardCharsets.UTF_8)));
        List<Recipient> rows = read(leads);
        assertThat(rows).extracting(Recipient::leadId).containsExactly(ANA, "not-a-lead");
        assertThat(rows).extracting(Recipient::line).containsExactly(4, 7);

        BulkSend send = BulkSender.builder(NexorClient.builder().apiKey(Fixtures.KEY)
                        .baseUrl("http://127.0.0.1:9/api/public").build()).build()
                .prepare(MessageRequest.builder().workflowId(Fixtures.WORKFLOW).channel(Channel.WHATSAPP)
                        .content("Hola"), leads);
        assertThat(send.total()).isEqualTo(2);
        assertThat(send.invalid()).singleElement().satisfies(e -> {
            assertThat(e.index()).as("the second data row").isEqualTo(1);
            assertThat(e.error()).contains("leadId must be a UUID").endsWith("(line 7 of the file)");
        });
    }

    @Test
    void textThatIsNeitherUtf8NorWindows1252StopsWithTheLine() throws Exception {
        byte[] bad = {'x', (byte) 0x81, (byte) 0x8D, '\n'};
        LeadsFile leads = leads(file("raro.csv", ("lead_id\n" + ANA + "\n").getBytes(StandardCharsets.UTF_8), bad));
        assertThatThrownBy(() -> read(leads)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("raro.csv, line 3: the file is neither UTF-8 nor Windows-1252 text; save it as \"CSV"
                        + " UTF-8\" (Excel: File > Save As > CSV UTF-8)");

        LeadsFile noBom = leads(file("utf16.csv", ("lead_id\n" + ANA + "\n").getBytes(StandardCharsets.UTF_16LE)));
        assertThatThrownBy(() -> read(noBom)).hasMessageContaining("utf16.csv, line 1: the file holds NUL bytes");
    }

    @Test
    void aSemicolonHeaderWithoutLeadIdSaysWhatTheFirstLineMustBe() throws Exception {
        LeadsFile leads = leads(file("x.csv", "nombre;telefono\nAna;600\n".getBytes(StandardCharsets.UTF_8)));
        assertThatThrownBy(() -> read(leads)).hasMessageContaining("no lead_id column in the header (the first"
                + " line: \"nombre;telefono\")").hasMessageContaining("separated by commas or semicolons");
    }

    @Test
    void aKeySavedWithAByteOrderMarkIsTheKey() {
        assertThat(Validation.ofApiKey("\uFEFF" + Fixtures.KEY).hasErrors()).isFalse();
        assertThat(ApiKey.of("\uFEFF" + Fixtures.KEY)).isEqualTo(ApiKey.of(Fixtures.KEY));
    }
}
