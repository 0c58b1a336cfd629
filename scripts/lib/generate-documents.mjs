// Generated benchmark documents, shared by the bench scripts.
import { readFileSync } from "node:fs";
import path from "node:path";

/**
 * A valid V0600 ProcessProductionSchedule of about `target` bytes: the ProductionRequest of the
 * process-production-schedule fixture, repeated with distinct IDs (valid against the profile).
 * @param {string} root the project's root folder
 * @param {number} target size in bytes
 */
export function generateSchedule(root, target) {
  // comments left out, so that every C14N compared (with or without comments) gives the same bytes
  const fixture = readFileSync(
    path.join(root, "fixtures/b2mml-v0600/valid/process-production-schedule/document.xml"),
    "utf8",
  ).replace(/<!--[\s\S]*?-->\n?/g, "");
  const first = fixture.indexOf("      <ProductionRequest>");
  const end = fixture.indexOf("</ProductionRequest>", first) + "</ProductionRequest>\n".length;
  const last = fixture.lastIndexOf("</ProductionRequest>") + "</ProductionRequest>\n".length;
  const [head, request, tail] = [fixture.slice(0, first), fixture.slice(first, end), fixture.slice(last)];
  const parts = [head];
  let size = head.length + tail.length;
  for (let n = 1; size < target; n++) {
    const id = String(70_000_000 + n).padStart(12, "0");
    const part = request.replace(/>000070012345</, `>${id}<`).replace(/B26-0412/g, `B26-${n}`);
    parts.push(part);
    size += part.length;
  }
  parts.push(tail);
  return parts.join("");
}
