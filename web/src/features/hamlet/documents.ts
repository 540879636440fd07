/** The hamlet page's document: both rates, their trends and the criteria breakdown. */
import { graphql } from '../../gql';

export const HamletPageQuery = graphql(`
  query HamletPage($code: String!, $asOf: Date!, $from: Date!) {
    area(code: $code) {
      code
      name
      kind
      parent { code name parent { code name } }
      family: indicator(metric: DIGITAL_FAMILY_RATE, asOf: $asOf) { value numerator denominator }
      skill: indicator(metric: DIGITAL_SKILL_RATE, asOf: $asOf) { value numerator denominator }
      digitalHamlets(asOf: $asOf) { count threshold }
      familySeries: series(metric: DIGITAL_FAMILY_RATE, from: $from, to: $asOf) { date value }
      skillSeries: series(metric: DIGITAL_SKILL_RATE, from: $from, to: $asOf) { date value }
      criteria(asOf: $asOf) { code label households met share }
    }
  }
`);
