/** Offline GraphQL explorer (GraphiQL bundled, no CDN), served at /explorer outside production. */
import 'graphiql/setup-workers/vite';
import 'graphiql/style.css';
import { createGraphiQLFetcher } from '@graphiql/toolkit';
import { GraphiQL } from 'graphiql';
import { createRoot } from 'react-dom/client';

const fetcher = createGraphiQLFetcher({ url: `${window.location.origin}/graphql` });

const defaultQuery = `# Thi đua số — ví dụ: bảng xếp hạng các xã của tỉnh Cao Bằng
query BangXepHangXa {
  leaderboard(parentCode: "04", metric: DIGITAL_FAMILY_RATE) {
    rank
    previousRank
    area { code name }
    value
    numerator
    denominator
  }
}
`;

const container = document.getElementById('explorer');
if (container) createRoot(container).render(<GraphiQL fetcher={fetcher} defaultQuery={defaultQuery} />);
