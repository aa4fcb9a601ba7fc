import { Card, Empty } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SearchHit, SearchQueryInput } from '../../../../shared/contracts/search';
import { useCurrentCase } from '../../app/current-case';
import type { PageContext } from '../../app/page-def';
import { ErrorAlert } from '../../components/error-alert';
import { PageContainer } from '../../components/page-container';
import { useSearch, useSearchOptions } from './queries';
import { SearchForm, type SearchFilters } from './search-form';
import { SearchResults } from './search-results';
import { HIT_PAGES } from './search-types';
import './search.css';

/** Full-text search over intake, leads, persons, units and work records; a hit opens its record. */
export function SearchPage({ pages, navigate }: Pick<PageContext, 'pages' | 'navigate'>) {
  const { t } = useTranslation();
  const { caseId, setCaseId } = useCurrentCase();
  const [input, setInput] = useState<SearchQueryInput | null>(null);
  const search = useSearch(input);
  const options = useSearchOptions();
  const categoryLabel = (code: string) =>
    options.data?.categories.find((c) => c.code === code)?.label ?? code;

  const opener = (hit: SearchHit) => {
    const key = HIT_PAGES[hit.type];
    if (!key || !pages.some((p) => p.key === key)) return null;
    return () => {
      // Case records open in their case's ledger.
      if (hit.caseId) setCaseId(hit.caseId);
      navigate(key, { recordId: hit.id, recordType: hit.type });
    };
  };

  const onSearch = (filters: SearchFilters) =>
    setInput({ ...filters, page: 1, pageSize: input?.pageSize ?? 20 });

  return (
    <PageContainer title={t('search.title')} description={t('search.description')} data-testid="search-page">
      <Card style={{ marginBottom: 16 }}>
        <SearchForm caseId={caseId} loading={search.isFetching} onSearch={onSearch} />
      </Card>
      <Card>
        <ErrorAlert result={search} style={{ marginBottom: 16 }} data-testid="search-error" />
        {search.data && input ? (
          <SearchResults
            result={search.data}
            categoryLabel={categoryLabel}
            opener={opener}
            onPage={(page, pageSize) =>
              setInput({ ...input, page: pageSize === input.pageSize ? page : 1, pageSize })
            }
          />
        ) : (
          <Empty
            image={Empty.PRESENTED_IMAGE_SIMPLE}
            description={t('search.hint')}
            style={{ padding: '48px 0' }}
            data-testid="search-idle"
          />
        )}
      </Card>
    </PageContainer>
  );
}
