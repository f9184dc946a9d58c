// A list's search and its order: typing a search ranks by relevance until its reader picks another order; cleared,
// the list goes back to its latest changes first.
import { useState } from 'react';

export function useRankedSearch<S extends string>() {
  const [query, setQuery] = useState('');
  const [sort, setSort] = useState<S | 'relevance' | 'updated'>('updated');
  const search = (value: string) => {
    setQuery(value);
    if (value.trim() && sort === 'updated') setSort('relevance');
    if (!value.trim() && sort === 'relevance') setSort('updated');
  };
  return { query, search, sort, setSort };
}
