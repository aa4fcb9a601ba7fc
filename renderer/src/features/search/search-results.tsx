import { Empty, Flex, Pagination, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { SearchHit, SearchResult } from '../../../../shared/contracts/search';
import { Highlighted } from './highlighted';
import { TYPE_COLORS } from './search-types';

interface SearchResultsProps {
  result: SearchResult;
  categoryLabel: (code: string) => string;
  onPage: (page: number, pageSize: number) => void;
  /** Opens a hit's record, or null when this user has no page for its type. */
  opener: (hit: SearchHit) => (() => void) | null;
}

/** A YYYY-MM-DD date as the language writes it (a long date in the user's language). */
function formatDay(day: string, language: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return day;
  return new Intl.DateTimeFormat(language, {
    year: 'numeric',
    month: 'long',
    day: 'numeric',
    timeZone: 'UTC',
  }).format(date);
}

function HitRow({
  hit,
  categoryLabel,
  open,
}: {
  hit: SearchHit;
  categoryLabel: (code: string) => string;
  open: (() => void) | null;
}) {
  const { t, i18n } = useTranslation();
  const title = <Highlighted segments={hit.title} />;
  return (
    <div className="search-result" data-testid="search-hit" data-hit-type={hit.type} data-hit-id={hit.id}>
      <Flex gap={8} align="center" wrap>
        <Tag color={TYPE_COLORS[hit.type]} style={{ marginInlineEnd: 0 }}>
          {t(`search.types.${hit.type}`)}
        </Tag>
        <Typography.Text strong style={{ fontSize: 15 }}>
          {open ? (
            <Typography.Link onClick={open} data-testid="search-hit-open">
              {title}
            </Typography.Link>
          ) : (
            title
          )}
        </Typography.Text>
      </Flex>
      <Typography.Paragraph type="secondary" style={{ margin: '6px 0 4px' }} data-testid="search-snippet">
        <Highlighted segments={hit.snippet} />
      </Typography.Paragraph>
      <Flex gap={16} wrap>
        {hit.date ? (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('search.dateLabel', { date: formatDay(hit.date, i18n.language) })}
          </Typography.Text>
        ) : null}
        {hit.category && hit.type === 'lead' ? (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('search.categoryLabel', { category: categoryLabel(hit.category) })}
          </Typography.Text>
        ) : null}
      </Flex>
    </div>
  );
}

/** The hits of one page, their total and the pager; an empty state when nothing matched. */
export function SearchResults({ result, categoryLabel, onPage, opener }: SearchResultsProps) {
  const { t } = useTranslation();
  if (result.total === 0) {
    return (
      <Empty
        image={Empty.PRESENTED_IMAGE_SIMPLE}
        description={t('search.noHits')}
        style={{ padding: '48px 0' }}
        data-testid="search-empty"
      />
    );
  }
  return (
    <div data-testid="search-results">
      <Typography.Text type="secondary" data-testid="search-total">
        {t('search.total', { count: result.total })}
        {result.rankedAmong ? t('search.rankedNewest', { count: result.rankedAmong }) : null}
      </Typography.Text>
      <div style={{ marginTop: 8 }}>
        {result.hits.map((hit) => (
          <HitRow key={`${hit.type}:${hit.id}`} hit={hit} categoryLabel={categoryLabel} open={opener(hit)} />
        ))}
      </div>
      <Flex justify="flex-end" style={{ marginTop: 16 }}>
        <Pagination
          current={result.page}
          pageSize={result.pageSize}
          total={result.total}
          showSizeChanger
          pageSizeOptions={[10, 20, 50]}
          showTotal={(total) => t('search.total', { count: total })}
          onChange={onPage}
          data-testid="search-pager"
        />
      </Flex>
    </div>
  );
}
