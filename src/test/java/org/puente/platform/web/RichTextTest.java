package org.puente.platform.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.puente.platform.web.RichText.Removal;

@DisplayName("Rich text: what the editor writes is kept, what the allow-list removes is named")
class RichTextTest {

    @Test
    @DisplayName("bold, italics, paragraphs and a link from the editor are kept with nothing reported removed")
    void editorOutputKept() {
        RichText.Cleaned cleaned = RichText.clean("<p>Free <strong>families</strong> <em>now</em></p><p><br></p>"
                + "<p><a href=\"https://example.org\" rel=\"noopener noreferrer\" target=\"_blank\">read</a></p>"
                + "<blockquote class=\"x\">quoted</blockquote>");
        assertEquals(
                "<p>Free <strong>families</strong> <em>now</em></p><p><br /></p>"
                        + "<p><a href=\"https://example.org\" rel=\"nofollow noopener noreferrer\">read</a></p>"
                        + "<blockquote>quoted</blockquote>",
                cleaned.html());
        assertEquals(Set.of(), cleaned.removed());
    }

    @Test
    @DisplayName("Quill's bulleted and numbered items become the lists they stand for, without its markers")
    void quillLists() {
        RichText.Cleaned cleaned = RichText.clean("<ol><li data-list=\"bullet\"><span class=\"ql-ui\" "
                + "contenteditable=\"false\"></span>one</li><li data-list=\"bullet\"><span class=\"ql-ui\" "
                + "contenteditable=\"false\"></span>two</li><li data-list=\"ordered\"><span class=\"ql-ui\" "
                + "contenteditable=\"false\"></span>first</li></ol><ol><li>plain</li></ol>");
        assertEquals("<ul><li>one</li><li>two</li></ul><ol><li>first</li></ol><ol><li>plain</li></ol>", cleaned.html());
        assertEquals(Set.of(), cleaned.removed());
    }

    @Test
    @DisplayName("a pasted script and coloured span are removed and named; their text is kept, the script's is not")
    void pastedMarkupNamed() {
        RichText.Cleaned cleaned = RichText.clean("<p>Hello <span style=\"color: red\">red</span>"
                + "<script>alert(1)</script><img src=\"x\" onerror=\"alert(2)\"></p><h2>Head</h2>");
        assertEquals("<p>Hello red</p>Head", cleaned.html());
        assertEquals(Set.of(Removal.STYLES, Removal.SCRIPTS, Removal.IMAGES, Removal.HEADINGS), cleaned.removed());
    }

    @Test
    @DisplayName("an event handler or a javascript: link counts as removed; spacing and Word's wrappers do not")
    void meaningfulOnly() {
        assertEquals(
                Set.of(Removal.SCRIPTS),
                RichText.clean("<p onclick=\"x()\">a</p>").removed());
        assertEquals(
                Set.of(Removal.LINKS),
                RichText.clean("<a href=\"javascript:alert(1)\">a</a>").removed());
        assertEquals(
                Set.of(),
                RichText.clean("<div class=\"MsoNormal\">  <p>a</p>\n\n</div>").removed());
        assertNull(RichText.clean("   ").html());
    }
}
