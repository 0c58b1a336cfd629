/**
 * The BOD envelope every document builder shares: `ApplicationArea` and the release.
 *
 * @module
 */
import type { TransApplicationAreaType } from "../generated/b2mml-v0600/index.js";
import { dateTime, identifier } from "./values.js";

/** The release the built-in V0600 profile's documents carry. */
export const B2MML_RELEASE_ID = "6.0";

/** What a document's `ApplicationArea` says. */
export interface ApplicationAreaInput {
  /** When the message was created: an `xs:dateTime` with its offset. */
  readonly creationDateTime: string;
  /** The message's unique ID (`BODID`): the receiver's idempotency key. */
  readonly bodId?: string;
  /** The sending application (`Sender/LogicalID`). */
  readonly sender?: string;
}

/** The `ApplicationArea` of a document. */
export function applicationArea(input: ApplicationAreaInput): TransApplicationAreaType {
  return {
    ...(input.sender === undefined
      ? {}
      : { Sender: { LogicalID: identifier(input.sender, undefined, "applicationArea.sender") } }),
    CreationDateTime: dateTime(input.creationDateTime, "applicationArea.creationDateTime"),
    ...(input.bodId === undefined
      ? {}
      : { BODID: identifier(input.bodId, undefined, "applicationArea.bodId") }),
  };
}
