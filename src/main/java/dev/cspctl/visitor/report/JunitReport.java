package dev.cspctl.visitor.report;

import dev.cspctl.visitor.ExperienceResult;
import dev.cspctl.visitor.TestResult;
import java.util.List;

/**
 * JUnit XML, the format GitLab shows in a merge request's test report ({@code
 * artifacts:reports:junit}): one testcase per visitor test, classname = its file, a {@code failure}
 * for a failed test and an {@code error} for one that cannot be evaluated, each with the reasons
 * and traces of the text report.
 */
public final class JunitReport {
  private JunitReport() {}

  public static String render(List<TestResult> results, String suiteName) {
    Summary s = Summary.of(results);
    StringBuilder out = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    out.append("<testsuites name=\"cspctl test\" tests=\"")
        .append(s.total())
        .append("\" failures=\"")
        .append(s.failed())
        .append("\" errors=\"")
        .append(s.notEvaluable())
        .append("\">\n");
    out.append("  <testsuite name=\"")
        .append(escape(suiteName))
        .append("\" tests=\"")
        .append(s.total())
        .append("\" failures=\"")
        .append(s.failed())
        .append("\" errors=\"")
        .append(s.notEvaluable())
        .append("\">\n");
    for (TestResult r : results) {
      out.append("    <testcase classname=\"")
          .append(escape(r.test().origin().file()))
          .append("\" name=\"")
          .append(escape(r.test().name()))
          .append("\" file=\"")
          .append(escape(r.test().origin().file()))
          .append("\" line=\"")
          .append(r.test().origin().line())
          .append('"');
      if (r.passed()) {
        out.append("/>\n");
        continue;
      }
      String element = r.status() == TestResult.Status.FAIL ? "failure" : "error";
      String type = r.status() == TestResult.Status.FAIL ? "VisitorTestFailed" : "NotEvaluable";
      out.append(">\n      <")
          .append(element)
          .append(" type=\"")
          .append(type)
          .append("\" message=\"")
          .append(escape(r.problems().get(0)))
          .append("\">")
          .append(escape(details(r)))
          .append("</")
          .append(element)
          .append(">\n");
      out.append("    </testcase>\n");
    }
    out.append("  </testsuite>\n</testsuites>\n");
    return out.toString();
  }

  private static String details(TestResult r) {
    StringBuilder b = new StringBuilder();
    for (String p : r.problems()) b.append(p).append('\n');
    for (ExperienceResult e : TextReport.involved(r)) b.append(TraceText.render(e.trace(), "  "));
    return b.toString();
  }

  static String escape(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '&' -> b.append("&amp;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&apos;");
        default -> {
          // XML 1.0 allows tab, newline, carriage return and nothing else below 0x20.
          if (c >= 0x20 || c == '\t' || c == '\n' || c == '\r') b.append(c);
        }
      }
    }
    return b.toString();
  }
}
