import type { CreativeSpec, Platform } from "@layers/contracts";
import { invalid } from "../../http/surface.ts";

/**
 * Platform rules of a creative the shared schema cannot say: Meta ads run as a Facebook page
 * (`pageId` required); TikTok has no page (`pageId` refused) and shows either a video or images.
 */
export function assertCreativeFor(platform: Platform, c: CreativeSpec, pointer: string): void {
  if (platform === "meta" && c.pageId === undefined) throw invalid(`${pointer}/pageId`, "Meta ads need the Facebook page they run as");
  if (platform === "tiktok" && c.pageId !== undefined) throw invalid(`${pointer}/pageId`, "TikTok ads have no Facebook page; remove pageId");
  if (platform === "tiktok" && c.videoId === undefined && c.imageUrl === undefined) throw invalid(`${pointer}/videoId`, "TikTok ads need a videoId or an imageUrl");
}
