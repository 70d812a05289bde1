package multistart.objective.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Reading a data file: which columns become features, and where a bad cell is. */
class DataSetTest {

    @TempDir
    Path tmp;

    Path file(String text) throws IOException {
        Path p = tmp.resolve("d.csv");
        Files.writeString(p, text);
        return p;
    }

    @Test
    void numericColumnsAreFeaturesAndTextColumnsAreLeftOut() throws Exception {
        DataSet d = DataSet.read(file("a,name,b,y\n1,x,2.5,0\n-3e-1,y,4,1\n"), "y");
        assertThat(d.features()).containsExactly("a", "b");
        assertThat(d.ignored()).containsExactly("name");
        assertThat(d.x()).containsExactly(1, 2.5, -0.3, 4);
        assertThat(d.y()).containsExactly(0, 1);
        assertThat(d.rows()).isEqualTo(2);
        assertThat(d.sha256()).hasSize(64);
    }

    @Test
    void trueAndFalseAreOneAndZeroAsPandasWritesBooleans() throws Exception {
        DataSet d = DataSet.read(file("a,flag,y\n1.5,True,False\n2,false,TRUE\n"), "y");
        assertThat(d.features()).containsExactly("a", "flag");
        assertThat(d.x()).containsExactly(1.5, 1, 2, 0);
        assertThat(d.y()).containsExactly(0, 1);
    }

    @Test
    void windowsLineEndsByteOrderMarkQuotesAndSpacesAreRead() throws Exception {
        Path p = tmp.resolve("w.csv");
        Files.write(p, "\uFEFF\"a\", y\r\n 1 ,\"2\"\r\n\r\n3,4\r\n".getBytes(StandardCharsets.UTF_8));
        DataSet d = DataSet.read(p, "y");
        assertThat(d.features()).containsExactly("a");
        assertThat(d.x()).containsExactly(1, 3);
        assertThat(d.y()).containsExactly(2, 4);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "a number among text|a,y\\n1,0\\nabc,1\\n|3|column 'a' (1): not a number: 'abc', where the column's other "
                + "cells are numbers",
        "an empty cell|a,y\\n1,0\\n,1\\n|3|column 'a' (1): the cell is empty (a missing value)",
        "a row too short|a,b,y\\n1,2,0\\n1,1\\n|3|has 2 fields, the header 3",
        "no target column|a,b\\n1,2\\n|1|has no column 'y' (the target); its columns: a, b",
        "a text target|a,y\\n1,yes\\n|2|the target column 'y' holds no numbers (got 'yes')",
        "no features|name,y\\nx,1\\n|1|has no numeric column besides the target 'y'",
        "header only|a,y\\n|1|has a header but no examples",
        "a name twice|a,a,y\\n1,2,3\\n|1|column 'a' is named twice in the header",
        "an unnamed column|a,,y\\n1,2,3\\n|1|column 2 of the header has no name",
        "NaN in a numeric column|a,y\\n1,0\\nNaN,1\\n|3|column 'a' (1): not a number: 'NaN'",
        "a number beyond a double|a,y\\n1,0\\n-2.5e999,1\\n|3|column 'a' (1): beyond the range of a double (about"
                + " 1.8e308): '-2.5e999'",
        "an empty file||0|the file is empty",
        "semicolons|a;b;y\\n1;2;3\\n|1|its columns: a;b;y (its fields look separated by ';', but a data file's are "
                + "separated by commas)",
    })
    void aBadFileNamesTheLineAndTheColumn(String what, String text, long line, String message) throws IOException {
        Path p = file(text == null ? "" : text.replace("\\n", "\n"));
        assertThatThrownBy(() -> DataSet.read(p, "y")).isInstanceOf(DataException.class)
                .hasMessageContaining(message).satisfies(e -> assertThat(((DataException) e).line()).isEqualTo(line));
    }

    @Test
    void theHashIsTheWholeFilesSha256ByteOrderMarkIncluded() throws Exception {
        Path p = tmp.resolve("h.csv");
        byte[] bytes = ("\uFEFFa,y\n" + "1,2\n".repeat(50_000)).getBytes(StandardCharsets.UTF_8);
        Files.write(p, bytes);
        byte[] digest = java.security.MessageDigest.getInstance("SHA-256").digest(bytes);
        assertThat(DataSet.read(p, "y").sha256()).isEqualTo(java.util.HexFormat.of().formatHex(digest));
        assertThat(DataSet.read(p, "y").rows()).isEqualTo(50_000);
    }

    @Test
    void anUnclosedQuoteIsAnError() throws IOException {
        Path p = file("a,y\n\"1,2\n");
        assertThatThrownBy(() -> DataSet.read(p, "y")).isInstanceOf(DataException.class)
                .hasMessageContaining("is not a readable CSV file");
    }

    @Test
    void notUtf8IsAnError() throws IOException {
        Path p = tmp.resolve("l.csv");
        Files.write(p, "caf\u00e9,y\n1,2\n".getBytes(StandardCharsets.ISO_8859_1));
        assertThatThrownBy(() -> DataSet.read(p, "y")).isInstanceOf(DataException.class)
                .hasMessageContaining("is not UTF-8 text");
    }
}
