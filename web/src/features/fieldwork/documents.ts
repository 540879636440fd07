/** Youth volunteer campaign reports and the Chợ số registry (public reads; commune staff report). */
import { graphql } from '../../gql';

export const CampaignsQuery = graphql(`
  query Campaigns($year: Int) {
    campaigns(year: $year) {
      campaign { id kind year name startsOn endsOn }
      communesReported
      reportedCommunes { code }
      volunteers
      peopleSupported
      sessions
    }
  }
`);

export const CampaignReportsQuery = graphql(`
  query CampaignReports($campaignId: Int!) {
    campaignReports(campaignId: $campaignId) {
      id
      campaignId
      commune { code name }
      volunteers
      peopleSupported
      sessions
      content
      lessonsLearnt
      updatedAt
    }
  }
`);

export const SubmitCampaignReportMutation = graphql(`
  mutation SubmitCampaignReport($input: CampaignReportInput!) {
    submitCampaignReport(input: $input) { id campaignId volunteers peopleSupported sessions content lessonsLearnt updatedAt commune { code name } }
  }
`);

export const MarketsQuery = graphql(`
  query Markets($parentCode: String!) {
    markets { id name commune { code name } vendors qrVendors metStandard standardMetOn version }
    areas(parentCode: $parentCode, level: COMMUNE) { code name }
  }
`);

export const SaveMarketMutation = graphql(`
  mutation SaveMarket($input: MarketInput!) {
    saveMarket(input: $input) { id name commune { code name } vendors qrVendors metStandard standardMetOn version }
  }
`);
