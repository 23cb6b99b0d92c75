import { RequestMethod, Type } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';

/** A route as `setGlobalPrefix`'s `exclude` takes it. */
export interface RouteInfo {
  path: string;
  method: RequestMethod;
}

/**
 * The routes of the browser pages, to be left out of the API's `/api` prefix: the pages live at
 * the site's root. Read from the controllers' own route metadata, so nothing is listed twice.
 */
export function routesOf(controllers: readonly Type[]): RouteInfo[] {
  return controllers.flatMap((controller) => {
    const base = String(Reflect.getMetadata(PATH_METADATA, controller) ?? '').replace(/^\/|\/$/g, '');
    return Object.getOwnPropertyNames(controller.prototype)
      .filter((name) => name !== 'constructor')
      .map((name): unknown => (controller.prototype as Record<string, unknown>)[name])
      .filter(
        (handler): handler is object => typeof handler === 'function' && Reflect.hasMetadata(PATH_METADATA, handler),
      )
      .flatMap((handler) => {
        const paths = [Reflect.getMetadata(PATH_METADATA, handler) as string | string[]].flat();
        const method = Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod;
        return paths.map((path) => ({
          path: `/${[base, String(path).replace(/^\/|\/$/g, '')].filter(Boolean).join('/')}`,
          method,
        }));
      });
  });
}
