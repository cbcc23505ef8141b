// The SDK ships no type declarations. This covers only what the sandbox's TikTok SDK test calls.
declare module "tiktok-business-api-sdk-official" {
  /** The SDK strips `code` and `message` from successful answers; `data` and `request_id` remain. */
  export interface TiktokSdkAnswer {
    request_id: string;
    // The SDK types `data` as a plain Object.
    data: any;
  }

  export type TiktokSdkCallback = (error: Error | null, data: TiktokSdkAnswer | null, response: unknown) => void;

  export class ApiClient {
    constructor();
    /** Default `https://business-api.tiktok.com`; API paths start with `/open_api/v1.3/`. */
    basePath: string;
  }

  export class CampaignCreationApi {
    constructor(apiClient?: ApiClient);
    campaignCreate(accessToken: string, opts: { body: Record<string, unknown> }, callback: TiktokSdkCallback): unknown;
    campaignGet(
      advertiserId: string,
      accessToken: string,
      opts: { filtering?: Record<string, unknown>; page?: number; page_size?: number; fields?: string[] },
      callback: TiktokSdkCallback,
    ): unknown;
    campaignUpdate(accessToken: string, opts: { body: Record<string, unknown> }, callback: TiktokSdkCallback): unknown;
    campaignStatusUpdate(accessToken: string, opts: { body: Record<string, unknown> }, callback: TiktokSdkCallback): unknown;
  }
}
