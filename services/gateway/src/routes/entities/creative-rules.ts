import type { CreativeSpec, Platform } from "@layers/contracts";
import { invalid } from "../../http/surface.ts";

/**
 * Platform rules of a creative the shared schema cannot say, checked before anything is stored so
 * a dispatcher never has to refuse them: Meta ads run as a Facebook page (`pageId` required);
 * TikTok ads are video ads without a page or headline, and TikTok takes images only as uploaded ids.
 */
export function assertCreativeFor(platform: Platform, c: CreativeSpec, pointer: string): void {
  if (platform === "meta" && c.pageId === undefined) throw invalid(`${pointer}/pageId`, "Meta ads need the Facebook page they run as");
  if (platform === "meta" && c.videoId !== undefined && c.imageUrl === undefined) throw invalid(`${pointer}/imageUrl`, "Meta video ads need a thumbnail (imageUrl)");
  if (platform !== "tiktok") return;
  if (c.pageId !== undefined) throw invalid(`${pointer}/pageId`, "TikTok ads have no Facebook page; remove pageId");
  if (c.headline !== undefined) throw invalid(`${pointer}/headline`, "TikTok ads have no headline; put the text in primaryText");
  if (c.imageUrl !== undefined) throw invalid(`${pointer}/imageUrl`, "TikTok takes uploaded media only; give the TikTok videoId");
  if (c.videoId === undefined) throw invalid(`${pointer}/videoId`, "TikTok ads need a videoId");
}
