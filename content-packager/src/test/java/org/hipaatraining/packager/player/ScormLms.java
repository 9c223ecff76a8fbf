package org.hipaatraining.packager.player;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.microsoft.playwright.Frame;
import com.microsoft.playwright.Page;

/**
 * A minimal LMS page: scorm-again's Scorm12API or Scorm2004API as window.API / window.API_1484_11, the package's
 * launch page in an iframe named "sco". Every API call is logged in window.lmsLog; window.lmsCmi is the CMI data after
 * each commit and after LMSFinish/Terminate, as an LMS would store it. A relaunch passes the stored data back through
 * scorm-again's loadFromJSON, as an LMS does before the SCO starts.
 */
final class ScormLms {

    enum Version {
        SCORM_12("scorm12.js", "Scorm12API", "API",
                List.of("LMSInitialize", "LMSGetValue", "LMSSetValue", "LMSCommit", "LMSFinish"), "LMSFinish"),
        SCORM_2004("scorm2004.js", "Scorm2004API", "API_1484_11",
                List.of("Initialize", "GetValue", "SetValue", "Commit", "Terminate"), "Terminate");

        final String script;
        final String constructor;
        final String global;
        final List<String> calls;
        final String finish;

        Version(String script, String constructor, String global, List<String> calls, String finish) {
            this.script = script;
            this.constructor = constructor;
            this.global = global;
            this.calls = calls;
            this.finish = finish;
        }
    }

    private ScormLms() {
    }

    /**
     * Opens an LMS page around the SCO at scoPath (a server path) and returns the SCO's frame once it loaded.
     * initJson is the CMI data to start from ("null" for a first launch).
     */
    static Frame launch(Page page, PlayerTestServer server, Version version, String scoPath, String initJson) {
        String lmsPath = "/lms/" + UUID.randomUUID() + ".html";
        server.put(lmsPath, html(version, scoPath, initJson));
        page.navigate(server.url(lmsPath));
        page.waitForSelector("iframe[name=sco]");
        Frame frame = page.frame("sco");
        frame.waitForLoadState();
        return frame;
    }

    /** Closes the SCO the way a learner closing the window does: its pagehide handler runs against the LMS API. */
    static void closeSco(Page page) {
        page.evaluate("() => { document.getElementById('sco').src = 'about:blank'; }");
        page.waitForFunction("() => window.lmsFinished === true");
    }

    /** The CMI data as the LMS stored it at the last commit or finish (the "cmi" object of scorm-again's rendering). */
    @SuppressWarnings("unchecked")
    static Map<String, Object> cmi(Page page) {
        return (Map<String, Object>) page.evaluate("() => window.lmsCmi && window.lmsCmi.cmi");
    }

    @SuppressWarnings("unchecked")
    static List<List<String>> log(Page page) {
        return (List<List<String>>) page.evaluate("() => window.lmsLog");
    }

    private static String html(Version version, String scoPath, String initJson) {
        return """
                <!DOCTYPE html>
                <html lang="en">
                <head>
                <meta charset="utf-8">
                <title>Test LMS</title>
                <style>html, body { margin: 0; height: 100%%; } iframe { display: block; width: 100%%; height: 100%%; border: 0; }</style>
                <script src="/lib/%s"></script>
                <script>
                  window.lmsLog = [];
                  window.lmsCmi = null;
                  window.lmsFinished = false;
                  var api = new %s({autocommit: false, logLevel: 5});
                  var init = %s;
                  if (init) {
                    api.loadFromJSON(init);
                  }
                  function snapshot() {
                    window.lmsCmi = JSON.parse(JSON.stringify(api.renderCMIToJSONObject()));
                  }
                  %s.forEach(function (name) {
                    var original = api[name].bind(api);
                    api[name] = function () {
                      var args = Array.prototype.slice.call(arguments);
                      var result = original.apply(null, args);
                      window.lmsLog.push([name].concat(args.map(String)).concat([String(result)]));
                      if (name !== '%s' && /Commit$/.test(name)) {
                        snapshot();
                      }
                      if (name === '%s') {
                        snapshot();
                        window.lmsFinished = true;
                      }
                      return result;
                    };
                  });
                  window.%s = api;
                </script>
                </head>
                <body>
                <iframe name="sco" id="sco" title="Training module" src="%s"></iframe>
                </body>
                </html>
                """.formatted(version.script, version.constructor, initJson, toJsArray(version.calls), version.finish,
                version.finish, version.global, scoPath);
    }

    private static String toJsArray(List<String> names) {
        return "['" + String.join("','", names) + "']";
    }
}
